namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// The peer sent bytes that break the framing (docs/wire-protocol.md): an unknown protocol version, a
/// frame over the size limit, a malformed header or an unexpected frame kind. The connection is closed.
/// </summary>
public sealed class WireProtocolException : IOException
{
    public WireProtocolException()
    {
    }

    public WireProtocolException(string message)
        : base(message)
    {
    }

    public WireProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
