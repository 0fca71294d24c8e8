using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Timers;

namespace MindPeeker.Runtime.Catalog;

/// <summary>Activation, deactivation, idle collection and keep-alive.</summary>
internal sealed partial class ActivationData
{
    private async Task ActivateAsync()
    {
        if (!Descriptor.IsStatelessWorker && Runtime.Router is { } router && await TryLoseRegistrationAsync(router))
        {
            return;
        }

        try
        {
            s_constructing = this;
            try
            {
                _grain = Descriptor.Activator(Runtime.Services, this);
            }
            finally
            {
                s_constructing = null;
            }

            if (_stateLoaders is { } loaders)
            {
                foreach (var loader in loaders)
                {
                    await loader.LoadAsync();
                }
            }

            if (_grain is Grain grain)
            {
                using var timeout = new CancellationTokenSource(Runtime.CollectionOptions.ActivationTimeout, Runtime.TimeProvider);
                await grain.OnActivateAsync(timeout.Token);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
            FailActivation(exception);
            return;
        }

        lock (_lock)
        {
            _state = ActivationState.Valid;
            _lastActivity = Runtime.TimeProvider.GetTimestamp();
            ProcessPendingLocked();
        }
    }

    /// <summary>
    /// Registers the activation in the cluster directory. When another activation of the grain won, this one
    /// becomes invalid without running grain code and its queued calls go to the winner; true then.
    /// </summary>
    private async Task<bool> TryLoseRegistrationAsync(IClusterRouter router)
    {
        Cluster.GrainAddress? winner;
        try
        {
            winner = await router.RegisterActivationAsync(GrainId, ActivationId);
        }
        catch (Exception exception)
        {
            RuntimeLog.ActivationFailed(Runtime.Logger, exception, GrainId);
            FailActivation(new SiloUnavailableException($"Grain {GrainId} could not be registered in the grain directory: {exception.Message}", exception));
            return true;
        }

        if (winner is null)
        {
            return false;
        }

        var forward = InvalidateAndTakeWaiting();
        _owner.OnActivationInvalid(this);
        Forward(forward, request => router.Route(GrainId, request, cacheOn: null));
        CompleteDeactivated();
        return true;
    }

    /// <summary>Marks the activation invalid and hands back the calls still queued on it.</summary>
    private GrainRequest[] InvalidateAndTakeWaiting()
    {
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            GrainRequest[] waiting = [.. _waiting];
            _waiting.Clear();
            _load = 0;
            return waiting;
        }
    }

    /// <summary>Sends queued callers that still wait (timer ticks die with the activation) to <paramref name="deliver"/>.</summary>
    private static void Forward(GrainRequest[] waiting, Action<GrainRequest> deliver)
    {
        foreach (var request in waiting)
        {
            if (!request.IsCompleted && !request.IsSystemRequest)
            {
                deliver(request);
            }
        }
    }

    private void FailActivation(Exception exception)
    {
        var waiting = InvalidateAndTakeWaiting();
        DisposeTimers();
        _owner.OnActivationInvalid(this);
        foreach (var request in waiting)
        {
            request.TryFail(exception);
        }

        CompleteDeactivated();
    }

    /// <summary>Deactivates once running requests finish; queued requests go to the next activation.</summary>
    public void DeactivateOnIdle(DeactivationReason reason)
    {
        lock (_lock)
        {
            _keepAliveUntil = 0;
            _deactivateOnIdle ??= reason;
            if (_state == ActivationState.Valid && _running.Count == 0)
            {
                StartDeactivationLocked(reason);
            }
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (_lock)
        {
            if (timeSpan == Timeout.InfiniteTimeSpan || timeSpan == TimeSpan.MaxValue)
            {
                _keepAliveUntil = long.MaxValue;
            }
            else if (timeSpan <= TimeSpan.Zero)
            {
                _keepAliveUntil = 0;
            }
            else
            {
                _keepAliveUntil = Runtime.TimeProvider.GetTimestamp() + Runtime.ToTimestampTicks(timeSpan);
            }
        }
    }

    /// <summary>Starts deactivation if the activation has been idle for <paramref name="age"/> and nothing keeps it alive.</summary>
    public bool TryStartIdleDeactivation(long now, TimeSpan age)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _deactivateOnIdle is not null || _keepAliveUntil > now || HasCallsLocked())
            {
                return false;
            }

            if (Runtime.TimeProvider.GetElapsedTime(_lastActivity, now) < age)
            {
                return false;
            }

            // Timer ticks are not activity: one in progress only defers the deactivation to its end.
            var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for at least {age}.");
            _deactivateOnIdle = reason;
            if (_running.Count == 0)
            {
                StartDeactivationLocked(reason);
            }

            return true;
        }
    }

    private bool HasCallsLocked()
    {
        foreach (var request in _running)
        {
            if (!request.IsSystemRequest)
            {
                return true;
            }
        }

        foreach (var request in _waiting)
        {
            if (!request.IsSystemRequest)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Fails callers whose deadline has passed; running requests go on, as in Orleans.</summary>
    public void ExpireRequests(long now)
    {
        List<GrainRequest>? expired = null;
        lock (_lock)
        {
            foreach (var request in _waiting)
            {
                if (request.DeadlineTimestamp <= now && !request.IsCompleted)
                {
                    (expired ??= []).Add(request);
                }
            }

            foreach (var request in _running)
            {
                if (request.DeadlineTimestamp <= now && !request.IsCompleted)
                {
                    (expired ??= []).Add(request);
                }
            }
        }

        if (expired is null)
        {
            return;
        }

        foreach (var request in expired)
        {
            var waited = Runtime.TimeProvider.GetElapsedTime(request.SentTimestamp, now);
            if (request.TryFail(new TimeoutException(
                $"Response did not arrive on time: {request.Method.DisplayName} on grain {GrainId} got no answer within {waited} (response timeout {Runtime.MessagingOptions.ResponseTimeout}).")))
            {
                RuntimeLog.RequestTimedOut(Runtime.Logger, request.Method.DisplayName, GrainId);
            }
        }
    }

    internal GrainTimer RegisterTimer(Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, state, options);
        lock (_lock)
        {
            if (_state is ActivationState.Deactivating or ActivationState.Invalid)
            {
                timer.Dispose();
                return timer;
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            _timers?.Remove(timer);
        }
    }

    /// <summary>Queues a timer tick (one due while activating runs after activation); false when the activation is going away.</summary>
    internal bool TryEnqueueTick(TimerTickRequest tick)
    {
        lock (_lock)
        {
            if (_state is not (ActivationState.Valid or ActivationState.Activating))
            {
                return false;
            }

            _waiting.Enqueue(tick);
            _load++;
            ProcessPendingLocked();
            return true;
        }
    }

    private void StartDeactivationLocked(DeactivationReason reason)
    {
        if (_state != ActivationState.Valid)
        {
            return;
        }

        _state = ActivationState.Deactivating;
        RunOnScheduler(state => ((ActivationData)state!).DeactivateAsync(reason));
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        DisposeTimers();
        try
        {
            if (_grain is Grain grain)
            {
                using var timeout = new CancellationTokenSource(Runtime.CollectionOptions.DeactivationTimeout, Runtime.TimeProvider);
                await grain.OnDeactivateAsync(reason, timeout.Token);
            }
        }
        catch (Exception exception)
        {
            RuntimeLog.DeactivationFailed(Runtime.Logger, exception, GrainId);
        }

        var forward = InvalidateAndTakeWaiting();
        _owner.OnActivationInvalid(this);
        if (!Descriptor.IsStatelessWorker && Runtime.Router is { } router)
        {
            await router.UnregisterActivationAsync(GrainId, ActivationId);
        }

        RuntimeLog.Deactivated(Runtime.Logger, GrainId, reason.ReasonCode);
        Forward(forward, request => _owner.Redispatch(request, GrainId));

        CompleteDeactivated();
    }

    private void DisposeTimers()
    {
        GrainTimer[] timers;
        lock (_lock)
        {
            if (_timers is null)
            {
                return;
            }

            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Dispose();
        }
    }

    private void CompleteDeactivated()
    {
        TaskCompletionSource? deactivated;
        lock (_lock)
        {
            _deactivationFinished = true;
            deactivated = _deactivated;
        }

        deactivated?.TrySetResult();
    }
}
