using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Reminders;

namespace MindPeeker.Runtime;

/// <summary>
/// Base class of grain implementations. An instance lives inside one activation and is only ever
/// touched from that activation's turns, one at a time, so it needs no locks.
/// </summary>
public abstract class Grain : IAddressable
{
    /// <summary>Binds to the activation being constructed (the usual form for generated activators).</summary>
    protected Grain()
        : this(ActivationData.Constructing ?? throw new InvalidOperationException(
            "A grain can only be created by the runtime while it activates the grain."))
    {
    }

    protected Grain(IGrainContext grainContext)
    {
        ArgumentNullException.ThrowIfNull(grainContext);
        GrainContext = grainContext;
    }

    public IGrainContext GrainContext { get; }

    public GrainId GrainId => GrainContext.GrainId;

    /// <summary>The silo's grain factory, for calling other grains.</summary>
    protected IGrainFactory GrainFactory => Activation.Runtime.GrainFactory;

    protected IServiceProvider ServiceProvider => GrainContext.ActivationServices;

    private ActivationData Activation => (ActivationData)GrainContext;

    /// <summary>Runs after persistent state is loaded and before the first call. A throw fails the activation.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation goes away; best effort (not on a crash).</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn and the running calls finish; later calls get a new activation.</summary>
    protected void DeactivateOnIdle() =>
        Activation.DeactivateOnIdle(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>
    /// Keeps the activation from idle collection for at least <paramref name="timeSpan"/>;
    /// <see cref="TimeSpan.Zero"/> or a negative span cancels an earlier request, <see cref="Timeout.InfiniteTimeSpan"/>
    /// or <see cref="TimeSpan.MaxValue"/> keeps it until <see cref="DeactivateOnIdle"/>.
    /// </summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => Activation.DelayDeactivation(timeSpan);

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(static (state, ct) => ((Func<CancellationToken, Task>)state!)(ct), callback, options);
    }

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Activation.RegisterTimer(static (s, ct) => ((TimerState<TState>)s!).Invoke(ct), new TimerState<TState>(callback, state), options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>
    /// Registers the durable reminder <paramref name="reminderName"/>, or replaces its schedule: the first tick is
    /// due <paramref name="dueTime"/> from now, then one every <paramref name="period"/>, each delivered as a call of
    /// <see cref="IRemindable.ReceiveReminder"/> that activates the grain when needed, until it is unregistered. The
    /// grain class must implement <see cref="IRemindable"/> (else <see cref="InvalidOperationException"/>) and
    /// <paramref name="period"/> must be at least <c>Silo:Reminders:MinimumReminderPeriod</c>, 1 min by default
    /// (else <see cref="ArgumentOutOfRangeException"/>). Ticks can be missed or duplicated: handlers must be idempotent.
    /// </summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException(
                $"{GetType().FullName} registers reminder '{reminderName}' but does not implement IRemindable, so it could never receive a tick.");
        }

        return ReminderRegistry.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    /// <summary>
    /// Deletes the reminder <paramref name="reminder"/> names; no further ticks are scheduled (one being delivered
    /// may still arrive). A handle older than the reminder's last update removes nothing.
    /// </summary>
    protected Task UnregisterReminder(IGrainReminder reminder) => ReminderRegistry.UnregisterAsync(GrainId, reminder);

    /// <summary>The grain's reminder <paramref name="reminderName"/>, or null when none is registered.</summary>
    protected Task<IGrainReminder?> GetReminder(string reminderName) => ReminderRegistry.GetAsync(GrainId, reminderName);

    /// <summary>Every reminder registered for this grain.</summary>
    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => ReminderRegistry.GetAllAsync(GrainId);

    private ReminderRegistry ReminderRegistry =>
        GrainContext.ActivationServices.GetService(typeof(ReminderRegistry)) as ReminderRegistry
        ?? throw new InvalidOperationException(
            "Reminders are not enabled on this silo: add a reminder service, for example silo.UsePostgreSqlReminderService(...).");

    private sealed record TimerState<TState>(Func<TState, CancellationToken, Task> Callback, TState State)
    {
        public Task Invoke(CancellationToken cancellationToken) => Callback(State, cancellationToken);
    }
}
