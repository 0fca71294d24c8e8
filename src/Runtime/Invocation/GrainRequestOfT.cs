using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Tasks.Sources;
using MindPeeker.Runtime.Filters;

namespace MindPeeker.Runtime.Invocation;

/// <summary>A request for a method that returns <c>Task&lt;TResult&gt;</c> or <c>ValueTask&lt;TResult&gt;</c>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GrainRequest<TResult> : GrainRequest, IValueTaskSource<TResult>
{
    private ManualResetValueTaskSourceCore<TResult> _completion = new() { RunContinuationsAsynchronously = true };
    private int _completed;
    private TResult? _storedResult;

    /// <summary>Calls the grain method with the request's arguments.</summary>
    protected abstract ValueTask<TResult> InvokeCore(object grain);

    internal ValueTask<TResult> AsValueTask() => new(this, _completion.Version);

    internal override bool IsCompleted => Volatile.Read(ref _completed) != 0;

    internal override void ContinueInline() => _completion.RunContinuationsAsynchronously = false;

    internal override object? StoredResult
    {
        get => _storedResult;
        set => _storedResult = (TResult?)value;
    }

    internal override void Start(object grain, IncomingGrainCallFilterChain? filters) =>
        _ = filters is null ? RunAsync(grain) : RunFilteredAsync(grain, filters);

    internal override async ValueTask InvokeAndStoreResultAsync(object grain) =>
        _storedResult = await InvokeCore(grain);

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

    internal override void CompleteFromJson(ReadOnlySpan<byte> utf8Json, JsonSerializerOptions options) =>
        TrySucceed(utf8Json.IsEmpty ? default! : JsonSerializer.Deserialize<TResult>(utf8Json, options)!);

    internal override async Task<(byte[]? Result, Exception? Error)> WaitForJsonResultAsync(JsonSerializerOptions options)
    {
        try
        {
            var result = await AsValueTask().ConfigureAwait(false);
            return (JsonSerializer.SerializeToUtf8Bytes(result, options), null);
        }
        catch (Exception exception)
        {
            return (null, exception);
        }
    }

    private protected override bool HasOutcome => _completion.GetStatus(_completion.Version) != ValueTaskSourceStatus.Pending;

    private protected override byte[]? OutcomeAsJson(JsonSerializerOptions options) =>
        JsonSerializer.SerializeToUtf8Bytes(_completion.GetResult(_completion.Version), options);

    private void TrySucceed(TResult result)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0)
        {
            Diagnostics.GrainCallTracing.OnCompleted(this, null);
            _completion.SetResult(result);
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
            TrySucceed(await InvokeCore(grain).ConfigureAwait(false));
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
            TrySucceed(_storedResult!);
        }
        catch (Exception exception)
        {
            error = exception;
            TryFail(exception);
        }

        Host!.OnRequestCompleted(this, error);
    }

    TResult IValueTaskSource<TResult>.GetResult(short token) => _completion.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TResult>.GetStatus(short token) => _completion.GetStatus(token);

    void IValueTaskSource<TResult>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _completion.OnCompleted(continuation, state, token, flags);
}
