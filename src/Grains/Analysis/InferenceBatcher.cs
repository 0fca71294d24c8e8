using Microsoft.Extensions.Logging;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Dynamic batching: requests submitted concurrently are collected into one batch and run with one call of the
/// batch function. A batch runs, on the thread pool, as soon as it holds <c>maxBatchSize</c> requests, or
/// <c>maxBatchWait</c> (measured with the <see cref="TimeProvider"/>) after its first request arrived — whichever
/// comes first. Each request's task completes with its own result; when the batch function throws, every request of
/// that batch fails with an <see cref="InferenceBatchException"/> and later batches are unaffected. A request whose
/// token is cancelled before its batch runs completes as cancelled and is left out of the batch; cancelling one
/// caller never affects the others. Several batches may run at the same time. Thread-safe.
/// </summary>
internal sealed class InferenceBatcher<TItem, TResult> : IDisposable
{
    private readonly string _name;
    private readonly Func<IReadOnlyList<TItem>, IReadOnlyList<TResult>> _runBatch;
    private readonly int _maxBatchSize;
    private readonly TimeSpan _maxBatchWait;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly TimerCallback _onBatchWaitElapsed;
    private OpenBatch? _open;
    private bool _disposed;

    /// <param name="name">What the batches run (a model name), for errors and logs.</param>
    /// <param name="runBatch">Runs a whole batch; must return one result per item, in order.</param>
    /// <param name="maxBatchSize">Most items per batch (at least 1).</param>
    /// <param name="maxBatchWait">Longest the first item of a batch waits for company (more than 0).</param>
    /// <param name="timeProvider">Clock of the batch wait.</param>
    /// <param name="logger">Logs failed batches.</param>
    public InferenceBatcher(
        string name,
        Func<IReadOnlyList<TItem>, IReadOnlyList<TResult>> runBatch,
        int maxBatchSize,
        TimeSpan maxBatchWait,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxBatchWait, TimeSpan.Zero);
        _name = name;
        _runBatch = runBatch;
        _maxBatchSize = maxBatchSize;
        _maxBatchWait = maxBatchWait;
        _timeProvider = timeProvider;
        _logger = logger;
        _onBatchWaitElapsed = state => OnBatchWaitElapsed((OpenBatch)state!);
    }

    /// <summary>Counters of the batches run so far.</summary>
    public BatchStatistics Statistics { get; } = new();

    /// <summary>Adds <paramref name="item"/> to the open batch; the task completes with its result once the batch ran.</summary>
    public Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<TResult>(cancellationToken);
        }

        var request = new Request(item);
        if (cancellationToken.CanBeCanceled)
        {
            request.Registration = cancellationToken.Register(static (state, token) => ((Request)state!).TrySetCanceled(token), request);
        }

        OpenBatch? full = null;
        lock (_lock)
        {
            if (_disposed)
            {
                request.Fail(new ObjectDisposedException(nameof(InferenceBatcher<TItem, TResult>)));
                return request.Task;
            }

            if (_open is null)
            {
                _open = new OpenBatch(Math.Min(_maxBatchSize, 64));
                if (_maxBatchSize > 1)
                {
                    _open.Timer = _timeProvider.CreateTimer(_onBatchWaitElapsed, _open, _maxBatchWait, Timeout.InfiniteTimeSpan);
                }
            }

            _open.Requests.Add(request);
            if (_open.Requests.Count >= _maxBatchSize)
            {
                full = _open;
                _open = null;
            }
        }

        if (full is not null)
        {
            Dispatch(full);
        }

        return request.Task;
    }

    /// <summary>Fails the requests still waiting for a batch with <see cref="ObjectDisposedException"/>; batches already running finish.</summary>
    public void Dispose()
    {
        OpenBatch? open;
        lock (_lock)
        {
            _disposed = true;
            open = _open;
            _open = null;
        }

        if (open is not null)
        {
            open.Timer?.Dispose();
            foreach (var request in open.Requests)
            {
                request.Fail(new ObjectDisposedException(nameof(InferenceBatcher<TItem, TResult>)));
            }
        }
    }

    private void OnBatchWaitElapsed(OpenBatch batch)
    {
        lock (_lock)
        {
            if (!ReferenceEquals(_open, batch))
            {
                return;
            }

            _open = null;
        }

        Dispatch(batch);
    }

    private void Dispatch(OpenBatch batch)
    {
        batch.Timer?.Dispose();
        ThreadPool.UnsafeQueueUserWorkItem(static state => state.batcher.Run(state.batch), (batcher: this, batch), preferLocal: false);
    }

    private void Run(OpenBatch batch)
    {
        var live = batch.Requests.Where(request => !request.Task.IsCompleted).ToList();
        if (live.Count == 0)
        {
            return;
        }

        var items = new TItem[live.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = live[i].Item;
        }

        IReadOnlyList<TResult> results;
        try
        {
            results = _runBatch(items);
            if (results.Count != items.Length)
            {
                throw new InvalidOperationException($"The batch function returned {results.Count} results for {items.Length} items.");
            }
        }
        catch (Exception exception)
        {
            Statistics.Record(items.Length, failed: true);
            AnalysisLog.BatchFailed(_logger, exception, items.Length, _name);
            var error = new InferenceBatchException(
                $"Inference on '{_name}' failed for the batch of {items.Length} this request ran in: {exception.Message}", exception);
            foreach (var request in live)
            {
                request.Fail(error);
            }

            return;
        }

        Statistics.Record(items.Length, failed: false);
        for (var i = 0; i < live.Count; i++)
        {
            live[i].Succeed(results[i]);
        }
    }

    private sealed class OpenBatch(int capacity)
    {
        public List<Request> Requests { get; } = new(capacity);

        public ITimer? Timer { get; set; }
    }

    private sealed class Request(TItem item) : TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public TItem Item { get; } = item;

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>Completes the task with its result (unless cancellation won) and drops the cancellation registration.</summary>
        public void Succeed(TResult result)
        {
            TrySetResult(result);
            Registration.Dispose();
        }

        /// <summary>Fails the task (unless cancellation won) and drops the cancellation registration.</summary>
        public void Fail(Exception error)
        {
            TrySetException(error);
            Registration.Dispose();
        }
    }
}
