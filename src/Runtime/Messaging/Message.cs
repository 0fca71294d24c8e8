namespace MindPeeker.Runtime.Messaging;

/// <summary>
/// One frame's contents (see docs/wire-protocol.md for the byte layout). Headers are plain fields;
/// <see cref="Body"/> is JSON produced by the grain call layer and opaque to the transport.
/// A message is built, sent once and dropped; it is not shared across threads while being built.
/// </summary>
public sealed class Message
{
    public MessageKind Kind { get; set; }

    /// <summary>Request id, unique per connection and direction; a response carries its request's id.</summary>
    public long Id { get; set; }

    /// <summary>For <see cref="MessageKind.Response"/>: the outcome.</summary>
    public ResponseStatus Status { get; set; }

    /// <summary>Target grain as <c>{type}/{key}</c> (requests).</summary>
    public string? TargetGrain { get; set; }

    /// <summary>Full name of the grain interface declaring the method (requests).</summary>
    public string? InterfaceName { get; set; }

    /// <summary>The generated method id within the interface (requests).</summary>
    public int MethodId { get; set; }

    /// <summary>The method's name, checked against <see cref="MethodId"/> to detect version skew (requests).</summary>
    public string? MethodName { get; set; }

    /// <summary>Milliseconds the caller still waits, measured when the frame was written; 0 = no deadline.</summary>
    public int TimeToLiveMilliseconds { get; set; }

    /// <summary>How many times silos re-routed this request (bounded to stop loops).</summary>
    public int ForwardCount { get; set; }

    /// <summary>Target activation when known (after a directory lookup), so a silo can answer NotHere for a stale one.</summary>
    public Guid TargetActivation { get; set; }

    /// <summary>Request context values (JSON object) or empty.</summary>
    public ReadOnlyMemory<byte> RequestContext { get; set; }

    /// <summary>Arguments (requests), result or exception (responses), hello payload; JSON.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }
}
