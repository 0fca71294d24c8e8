namespace MindPeeker.Runtime.Messaging;

/// <summary>The connection a request travelled on closed before its response arrived; the call may or may not have run.</summary>
public sealed class ConnectionClosedException : Exception
{
    public ConnectionClosedException()
    {
    }

    public ConnectionClosedException(string message)
        : base(message)
    {
    }

    public ConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
