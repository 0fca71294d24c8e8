using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks.Sources;
using MindPeeker.Runtime.Filters;

namespace MindPeeker.Runtime.Invocation;

/// <summary>A request for a method that returns <c>Task</c> or <c>ValueTask</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class VoidGrainRequest : GrainRequest, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<bool> _completion = new() { RunContinuationsAsynchronously = true };
    private int _completed;

    /// <summary>Calls the grain method with the request's arguments.</summary>
    protected abstract ValueTask InvokeCore(object grain);

    internal ValueTask AsValueTask() => new(this, _completion.Version);

    internal override bool IsCompleted => Volatile.Read(ref _completed) != 0;

    internal override void ContinueInline() => _completion.RunContinuationsAsynchronously = false;

    internal override object? StoredResult { get; set; }

    internal override void Start(object grain, IncomingGrainCallFilterChain? filters) =>
        _ = filters is null ? RunAsync(grain) : RunFilteredAsync(grain, filters);

    internal override ValueTask InvokeAndStoreResultAsync(object grain) => InvokeCore(grain);

    internal override bool TryFail(Exception exception)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Diagnostics.GrainCallTracing.OnCompleted(this, exception);
        _completion.SetException(exception);
        return true;
    }

    internal override void CompleteFromJson(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options) => TrySucceed();

    internal override async Task<(byte[]? Result, Exception? Error)> WaitForJsonResultAsync(JsonSerializerOptions options)
    {
        try
        {
            await AsValueTask().ConfigureAwait(false);
            return (null, null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private protected override bool HasOutcome => _completion.GetStatus(_completion.Version) != ValueTaskSourceStatus.Pending;

    private protected override byte[]? OutcomeAsJson(JsonSerializerOptions options)
    {
        _completion.GetResult(_completion.Version);
        return null;
    }

    private void TrySucceed()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            Diagnostics.GrainCallTracing.OnCompleted(this, null);
            _completion.SetResult(true);
        }
    }

    // Completing the caller and reporting to the host are thread-safe, so the code after the await
    // need not hop back to the activation's scheduler (ConfigureAwait(false) saves that hop).
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask RunAsync(object grain)
    {
        Exception? error = null;
        try
        {
            await InvokeCore(grain).ConfigureAwait(false);
            TrySucceed();
        }
        catch (Exception exception)
        {
            error = exception;
            TryFail(exception);
        }

        Host!.OnRequestCompleted(this, error);
    }

    private async ValueTask RunFilteredAsync(object grain, IncomingGrainCallFilterChain filters)
    {
        Exception? error = null;
        try
        {
            await filters.InvokeAsync(grain, this).ConfigureAwait(false);
            TrySucceed();
        }
        catch (Exception exception)
        {
            error = exception;
            TryFail(exception);
        }

        Host!.OnRequestCompleted(this, error);
    }

    void IValueTaskSource.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);
}
