namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// Runs <c>body</c> every <c>period</c> on a <see cref="TimeProvider"/> timer. A tick that comes while the
/// previous run is still going is skipped, so runs never overlap. A failing run is reported to
/// <c>onError</c> and the schedule continues. <see cref="WhenIdleAsync"/> lets tests with a fake clock wait
/// for the run a tick started, since a tick starts its run synchronously on the thread that fired it.
/// </summary>
internal sealed class MembershipLoop(
    TimeSpan period,
    TimeProvider timeProvider,
    Func<CancellationToken, Task> body,
    Action<Exception> onError) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private Task _current = Task.CompletedTask;
    private bool _stopped;

    public void Start()
    {
        lock (_lock)
        {
            if (_stopped || _timer is not null)
            {
                return;
            }

            _timer = timeProvider.CreateTimer(_ => OnTick(), null, period, period);
        }
    }

    /// <summary>Completes when the run in progress (if any) has finished.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _current;
        }
    }

    /// <summary>Stops the timer and cancels the run in progress without waiting for it (safe from inside a run).</summary>
    public void Stop()
    {
        ITimer? timer;
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            timer = _timer;
            _timer = null;
        }

        timer?.Dispose();
        _stopping.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await WhenIdleAsync();
        _stopping.Dispose();
    }

    private void OnTick()
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (_stopped || !_current.IsCompleted)
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _current = done.Task;
        }

        // Outside the lock: a run may stop this and other loops before its first await.
        _ = RunAsync(done);
    }

    private async Task RunAsync(TaskCompletionSource done)
    {
        try
        {
            await body(_stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            onError(exception);
        }
        finally
        {
            done.SetResult();
        }
    }
}
