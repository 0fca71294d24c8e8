using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Scheduling;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Timers;

namespace MindPeeker.Runtime.Catalog;

/// <summary>
/// One activation of a grain: its instance, its request queue, its turn scheduler, timers and
/// lifecycle. Every field below is guarded by <c>_lock</c>; grain code runs on <see cref="Scheduler"/>.
/// Requests start in arrival order; a request that may not interleave with the running ones
/// waits (and blocks those behind it) until they finish.
/// </summary>
internal sealed partial class ActivationData : IGrainContext, IGrainRequestHost
{
    [ThreadStatic]
    private static ActivationData? s_constructing;

    private readonly Lock _lock = new();
    private readonly Queue<GrainRequest> _waiting = new();
    private readonly HashSet<GrainRequest> _running = [];
    private readonly IActivationOwner _owner;
    private int _runningExclusive;
    private int _runningReadOnly;
    private int _load;
    private ActivationState _state;
    private object? _grain;
    private List<IActivationStateLoader>? _stateLoaders;
    private List<KeyValuePair<string, Func<object?>>>? _namedStates;
    private List<GrainTimer>? _timers;
    private long _lastActivity;
    private long _keepAliveUntil;
    private DeactivationReason? _deactivateOnIdle;
    private TaskCompletionSource? _deactivated;
    private bool _deactivationFinished;

    public ActivationData(SiloRuntime runtime, GrainClassDescriptor descriptor, GrainId grainId, IActivationOwner owner)
    {
        Runtime = runtime;
        Descriptor = descriptor;
        GrainId = grainId;
        _owner = owner;
        _lastActivity = runtime.TimeProvider.GetTimestamp();
    }

    /// <summary>The activation whose grain is being constructed on this thread, for <see cref="Grain()"/>.</summary>
    internal static ActivationData? Constructing => s_constructing;

    public GrainId GrainId { get; }

    /// <summary>Tells this activation apart from earlier or later ones of the same grain (directory rows).</summary>
    public Guid ActivationId { get; } = Guid.NewGuid();

    public SiloRuntime Runtime { get; }

    public GrainClassDescriptor Descriptor { get; }

    public ActivationTaskScheduler Scheduler { get; } = new();

    public IServiceProvider ActivationServices => Runtime.Services;

    public object? GrainInstance => _grain;

    /// <summary>Requests running plus waiting; read without the lock, so approximate.</summary>
    public int Load => Volatile.Read(ref _load);

    internal int WaitingCount
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    internal int RunningCount
    {
        get
        {
            lock (_lock)
            {
                return _running.Count;
            }
        }
    }

    internal ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>
    /// Completes when the activation's deactivation (or failure) has finished: it is out of the catalog and the
    /// directory, and its queued calls went to the next activation. Not merely when it became invalid, which happens
    /// first.
    /// </summary>
    public Task Deactivated
    {
        get
        {
            lock (_lock)
            {
                if (_deactivationFinished)
                {
                    return Task.CompletedTask;
                }

                _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _deactivated.Task;
            }
        }
    }

    public IPersistentState<TState> GetPersistentState<TState>(string stateName, string? storageName = null)
    {
        var providerName = storageName ?? GrainStorageNames.Default;
        var storage = Runtime.Services.GetKeyedService<IGrainStorage>(providerName)
            ?? throw new InvalidOperationException(
                $"Grain {GrainId} asks for storage provider '{providerName}', which is not registered. Add it with AddMemoryGrainStorage or AddPostgreSqlGrainStorage.");
        var state = new PersistentState<TState>(stateName, GrainId, storage);
        (_stateLoaders ??= []).Add(state);
        lock (_lock)
        {
            (_namedStates ??= []).Add(new(stateName, () => state.State));
        }

        return state;
    }

    /// <summary>
    /// The grain's persistent states by state name, each read when its function is called: for inspection only
    /// (the values are read outside the activation's turn, so they may be mid-update).
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, Func<object?>>> PersistentStates
    {
        get
        {
            lock (_lock)
            {
                return _namedStates is null ? [] : [.. _namedStates];
            }
        }
    }

    /// <summary>Queues a request; false when this activation is gone and the caller must find its successor.</summary>
    public bool TryEnqueue(GrainRequest request)
    {
        var activate = false;
        var inline = false;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            _load++;
            if (_state == ActivationState.Valid && _running.Count == 0 && _waiting.Count == 0 && _deactivateOnIdle is null)
            {
                // Idle activation: start the turn on the caller's thread if its scheduler is free (see ActivationTaskScheduler).
                MarkRunningLocked(request);
                inline = true;
            }
            else
            {
                _waiting.Enqueue(request);
                if (_state == ActivationState.Creating)
                {
                    _state = ActivationState.Activating;
                    activate = true;
                }
                else if (_state == ActivationState.Valid)
                {
                    ProcessPendingLocked();
                }
            }
        }

        if (inline)
        {
            Scheduler.RunInlineOrQueue(new Task(StartRequestAction, request, CancellationToken.None, TaskCreationOptions.DenyChildAttach));
        }
        else if (activate)
        {
            RunOnScheduler(static state => ((ActivationData)state!).ActivateAsync());
        }

        return true;
    }

    void IGrainRequestHost.OnRequestCompleted(GrainRequest request, Exception? error)
    {
        Diagnostics.GrainCallTracing.OnServerCompleted(request, error);
        lock (_lock)
        {
            _running.Remove(request);
            _load--;
            switch (RequestKinds.Of(request))
            {
                case RequestKind.Exclusive:
                    _runningExclusive--;
                    break;
                case RequestKind.ReadOnly:
                    _runningReadOnly--;
                    break;
            }

            if (request.CountsAsActivity)
            {
                _lastActivity = Runtime.TimeProvider.GetTimestamp();
            }

            if (error is InconsistentStateException)
            {
                // As in Orleans: the in-memory state may be stale, so the next call gets a fresh activation.
                _deactivateOnIdle ??= new DeactivationReason(DeactivationReasonCode.InconsistentState, error.Message);
            }

            if (request is TimerTickRequest tick)
            {
                // Re-armed before the next call starts, so the period counts from the end of this tick.
                tick.Timer.OnTickCompleted();
            }

            ProcessPendingLocked();
        }
    }

    private void ProcessPendingLocked()
    {
        while (_state == ActivationState.Valid && _deactivateOnIdle is null && _waiting.TryPeek(out var next))
        {
            if (next.IsCompleted)
            {
                // Timed out while waiting: the caller is gone, so the call is dropped, as Orleans drops expired messages.
                _waiting.Dequeue();
                _load--;
                continue;
            }

            if (!CanStartLocked(next))
            {
                break;
            }

            _waiting.Dequeue();
            StartRequestLocked(next);
        }

        if (_state == ActivationState.Valid && _running.Count == 0 && _deactivateOnIdle is { } reason)
        {
            StartDeactivationLocked(reason);
        }
    }

    private bool CanStartLocked(GrainRequest request)
    {
        if (_running.Count == 0 || Descriptor.IsReentrant)
        {
            return true;
        }

        return RequestKinds.Of(request) switch
        {
            RequestKind.Interleaving => true,
            RequestKind.ReadOnly => _runningExclusive == 0,
            _ => _runningExclusive == 0 && _runningReadOnly == 0,
        };
    }

    private void StartRequestLocked(GrainRequest request)
    {
        MarkRunningLocked(request);
        Task.Factory.StartNew(StartRequestAction, request, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
    }

    private void MarkRunningLocked(GrainRequest request)
    {
        _running.Add(request);
        switch (RequestKinds.Of(request))
        {
            case RequestKind.Exclusive:
                _runningExclusive++;
                break;
            case RequestKind.ReadOnly:
                _runningReadOnly++;
                break;
        }

        request.Host = this;
    }

    private static readonly Action<object?> StartRequestAction = static state =>
    {
        var request = (GrainRequest)state!;
        var activation = (ActivationData)request.Host!;
        RequestContext.Import(request.RequestContextData);
        var previousActivity = Diagnostics.GrainCallTracing.StartServer(request);
        request.Start(activation._grain!, request.IsSystemRequest ? null : activation.Runtime.Filters);
        Diagnostics.GrainCallTracing.RestoreCurrent(previousActivity);
    };

    private void RunOnScheduler(Func<object?, Task> turn) =>
        Task.Factory.StartNew(turn, this, CancellationToken.None, TaskCreationOptions.DenyChildAttach, Scheduler);
}
