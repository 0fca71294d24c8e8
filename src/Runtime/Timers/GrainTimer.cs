using MindPeeker.Runtime.Catalog;

namespace MindPeeker.Runtime.Timers;

/// <summary>
/// A grain timer: a one-shot <see cref="ITimer"/> from the silo's <see cref="TimeProvider"/> that,
/// when due, queues a tick as a turn of the activation and re-arms only after the tick finished,
/// so ticks never overlap each other and the period is measured from the end of the previous tick.
/// </summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly ITimer _timer;
    private readonly CancellationTokenSource _disposal = new();
    private readonly Lock _lock = new();
    private TimeSpan _dueTime;
    private TimeSpan _period;
    private bool _tickInFlight;
    private bool _disposed;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _callback = callback;
        _state = state;
        _dueTime = options.DueTime;
        _period = options.Period;
        Interleave = options.Interleave;
        KeepAlive = options.KeepAlive;
        _timer = activation.Runtime.TimeProvider.CreateTimer(static s => ((GrainTimer)s!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool Interleave { get; }

    public bool KeepAlive { get; }

    public void Start()
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _timer.Change(_dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (_lock)
        {
            _dueTime = dueTime;
            _period = period;
            if (!_disposed && !_tickInFlight)
            {
                _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public async Task InvokeCallbackAsync()
    {
        try
        {
            await _callback(_state, _disposal.Token);
        }
        catch (Exception exception)
        {
            RuntimeLog.TimerCallbackFailed(_activation.Runtime.Logger, exception, _activation.GrainId);
            throw;
        }
    }

    public void OnTickCompleted()
    {
        lock (_lock)
        {
            _tickInFlight = false;
            if (!_disposed && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _timer.Dispose();
        _disposal.Cancel();
        _activation.RemoveTimer(this);
    }

    private void OnDue()
    {
        lock (_lock)
        {
            if (_disposed || _tickInFlight)
            {
                return;
            }

            _tickInFlight = true;
        }

        if (!_activation.TryEnqueueTick(new TimerTickRequest(this)))
        {
            Dispose();
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "The due time must be zero or more, or Timeout.InfiniteTimeSpan.");
        }

        if (period <= TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive, or Timeout.InfiniteTimeSpan for a one-shot timer.");
        }
    }
}
