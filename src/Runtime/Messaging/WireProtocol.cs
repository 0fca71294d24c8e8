namespace MindPeeker.Runtime.Messaging;

/// <summary>Constants of the framing described in docs/wire-protocol.md. Changing any of them is a new protocol version.</summary>
internal static class WireProtocol
{
    /// <summary>The only protocol version this build speaks.</summary>
    public const byte Version = 1;

    /// <summary>Length, version, kind, id, status, method id, time to live, forward count, target activation.</summary>
    public const int FixedHeaderBytes = 4 + 1 + 1 + 8 + 1 + 4 + 4 + 1 + 16;

    /// <summary>Three string length prefixes and the request context length prefix follow the fixed header.</summary>
    public const int MinimumFrameBytes = FixedHeaderBytes + (4 * 4);

    /// <summary>Default for <see cref="TransportOptions.MaxFrameBytes"/>: 16 MiB.</summary>
    public const int DefaultMaxFrameBytes = 16 * 1024 * 1024;

    /// <summary>String length prefix meaning null.</summary>
    public const int NullLength = -1;

    /// <summary><see cref="Message.ForwardCount"/> travels in one byte.</summary>
    public const int MaxForwardCount = byte.MaxValue;
}
