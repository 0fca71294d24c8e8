using System.ComponentModel;
using System.Text.Json;
using MindPeeker.Runtime.Filters;

namespace MindPeeker.Runtime.Invocation;

/// <summary>
/// One call to a grain method: the arguments as typed fields (no <c>object[]</c>) and the means
/// to invoke the method on a grain instance and complete the caller. Generated per interface method
/// by <c>MindPeeker.Runtime.CodeGen</c>; not meant to be written by hand. A request is used for
/// exactly one call and completes exactly once (the first of result, exception or timeout wins).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest
{
    /// <summary>The method this request calls.</summary>
    public abstract GrainMethod Method { get; }

    /// <summary>Number of arguments, for filters and diagnostics.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>An argument, boxed: for filters and diagnostics only, never on the plain call path.</summary>
    public abstract object? GetArgument(int index);

    /// <summary>Writes the arguments as a JSON array, one element per argument, for a remote call.</summary>
    public abstract void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options);

    /// <summary>
    /// Reads the arguments written by <see cref="WriteArguments"/>; <paramref name="reader"/> is on the
    /// array's start token and is left on its end token.
    /// </summary>
    public abstract void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>Completes the caller with the JSON result of a remote call (<c>null</c> for methods without one).</summary>
    internal abstract void CompleteFromJson(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options);

    /// <summary>Waits for the request to finish (it must have been dispatched) and returns the JSON result, or the exception.</summary>
    internal abstract Task<(byte[]? Result, Exception? Error)> WaitForJsonResultAsync(JsonSerializerOptions options);

    /// <summary>
    /// Like <see cref="WaitForJsonResultAsync"/> when the request has already finished (true), without allocating a
    /// task; false while it is still running. Only for the request's one awaiter.
    /// </summary>
    internal bool TryGetJsonResult(JsonSerializerOptions options, out byte[]? result, out Exception? error)
    {
        result = null;
        error = null;
        if (!HasOutcome)
        {
            return false;
        }

        try
        {
            result = OutcomeAsJson(options);
        }
        catch (Exception exception)
        {
            error = exception;
        }

        return true;
    }

    /// <summary>Whether the request's outcome, its result or its failure, can be read now.</summary>
    private protected abstract bool HasOutcome { get; }

    /// <summary>The outcome as JSON, null for a method that returns nothing; throws the request's failure. Only once <see cref="HasOutcome"/>.</summary>
    private protected abstract byte[]? OutcomeAsJson(JsonSerializerOptions options);

    internal Dictionary<string, object>? RequestContextData { get; set; }

    /// <summary>The caller's span of this call while it is outstanding (tracing on only).</summary>
    internal System.Diagnostics.Activity? ClientActivity { get; set; }

    /// <summary>The activation's span of this call while it runs (tracing on only).</summary>
    internal System.Diagnostics.Activity? ServerActivity { get; set; }

    /// <summary>How many times silos re-routed this call (stale directory entries, shutdown); bounded.</summary>
    internal int ForwardCount { get; set; }

    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider"/> timestamp.</summary>
    internal long DeadlineTimestamp { get; set; }

    /// <summary>When the request was sent, as a <see cref="TimeProvider"/> timestamp.</summary>
    internal long SentTimestamp { get; set; }

    /// <summary>The activation running this request; set when the turn starts.</summary>
    internal IGrainRequestHost? Host { get; set; }

    internal abstract bool IsCompleted { get; }

    /// <summary>
    /// The awaiter runs inline where the request completes instead of on another thread-pool turn (an awaiter that
    /// captured a scheduler, such as a calling grain's, is still sent there). For a request that arrived over the wire
    /// (its only awaiter is the runtime's response writer; call before dispatching), and for a remote call's response
    /// delivered off the reader loop (call right before completing it).
    /// </summary>
    internal abstract void ContinueInline();

    /// <summary>Runtime-issued work (timer ticks): skips call filters.</summary>
    internal virtual bool IsSystemRequest => false;

    /// <summary>Whether finishing this request postpones idle collection.</summary>
    internal virtual bool CountsAsActivity => true;

    /// <summary>Starts the grain method on the current turn; reports to <see cref="Host"/> when it finishes.</summary>
    internal abstract void Start(object grain, IncomingGrainCallFilterChain? filters);

    /// <summary>Completes the caller with an exception unless it already completed.</summary>
    internal abstract bool TryFail(Exception exception);

    /// <summary>Invokes the grain method and keeps its result for <see cref="IncomingGrainCallContext"/>.</summary>
    internal abstract ValueTask InvokeAndStoreResultAsync(object grain);

    internal abstract object? StoredResult { get; set; }
}
