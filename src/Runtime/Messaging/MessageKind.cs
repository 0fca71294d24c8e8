namespace MindPeeker.Runtime.Messaging;

/// <summary>What a frame carries. Values are part of the wire format (docs/wire-protocol.md): never renumber.</summary>
public enum MessageKind : byte
{
    /// <summary>First frame each side sends on a new connection: who it is and which protocol version it speaks.</summary>
    Hello = 1,

    /// <summary>A grain call that expects a <see cref="Response"/> with the same id.</summary>
    Request = 2,

    /// <summary>The answer to a <see cref="Request"/>.</summary>
    Response = 3,

    /// <summary>A grain call nobody waits for (no response is sent).</summary>
    OneWay = 4,

    /// <summary>Liveness probe; answered by a <see cref="Response"/> with the same id.</summary>
    Ping = 5,

    /// <summary>The sender is closing the connection gracefully; no new requests follow.</summary>
    Goodbye = 6,
}
