namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The admin hub connections of this front end. Collection runs only while <see cref="Count"/> is above zero.
/// Thread-safe.
/// </summary>
internal sealed class AdminConnections
{
    private readonly HashSet<string> _connections = [];
    private readonly Lock _lock = new();

    /// <summary>Connected admins (connections, not people).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    public void Add(string connectionId)
    {
        lock (_lock)
        {
            _connections.Add(connectionId);
        }
    }

    public void Remove(string connectionId)
    {
        lock (_lock)
        {
            _connections.Remove(connectionId);
        }
    }
}
