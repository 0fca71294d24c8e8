namespace MindPeeker.Runtime.Messaging;

/// <summary>Outcome carried by a <see cref="MessageKind.Response"/>. Wire values: never renumber.</summary>
public enum ResponseStatus : byte
{
    /// <summary>The body is the JSON result.</summary>
    Ok = 0,

    /// <summary>The grain method threw; the body is a serialized exception (type name, message, stack).</summary>
    Exception = 1,

    /// <summary>The receiving silo does not host the target activation (stale directory or cache); the caller re-resolves and resends.</summary>
    NotHere = 2,

    /// <summary>The receiving silo is shutting down or cannot accept calls; the caller may resend elsewhere.</summary>
    Unavailable = 3,

    /// <summary>The grain type is not known to the receiving silo.</summary>
    UnknownGrainType = 4,

    /// <summary>The interface or method id is not known (a version mismatch between caller and callee).</summary>
    UnknownMethod = 5,

    /// <summary>The receiver's queue for this connection is full; the caller may retry later.</summary>
    Overloaded = 6,

    /// <summary>The request's deadline passed before it ran.</summary>
    Expired = 7,
}
