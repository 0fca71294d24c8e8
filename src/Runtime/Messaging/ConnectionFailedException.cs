namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// No connection to the target could be made (refused, connect timeout, handshake rejected, or a recent
/// failure to the same address still inside its back-off window). Nothing was sent, so the call did not
/// run and may be retried elsewhere.
/// </summary>
public sealed class ConnectionFailedException : IOException
{
    public ConnectionFailedException()
    {
    }

    public ConnectionFailedException(string message)
        : base(message)
    {
    }

    public ConnectionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
