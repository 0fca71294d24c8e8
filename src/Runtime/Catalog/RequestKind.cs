using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Catalog;

/// <summary>How a running request constrains the requests that may start beside it.</summary>
internal enum RequestKind
{
    /// <summary>Blocks every other request except interleaving ones.</summary>
    Exclusive,

    /// <summary>Runs beside other read-only requests and interleaving ones.</summary>
    ReadOnly,

    /// <summary>Runs beside anything (<see cref="AlwaysInterleaveAttribute"/>, interleaving timers).</summary>
    Interleaving,
}

internal static class RequestKinds
{
    public static RequestKind Of(GrainRequest request) =>
        request.Method.AlwaysInterleave ? RequestKind.Interleaving
        : request.Method.IsReadOnly ? RequestKind.ReadOnly
        : RequestKind.Exclusive;
}
