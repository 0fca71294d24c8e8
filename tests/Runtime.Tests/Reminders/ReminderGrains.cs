using System.Globalization;
using MindPeeker.Runtime.Tests.Grains;

namespace MindPeeker.Runtime.Tests.Reminders;

public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task Register(string reminderName, TimeSpan dueTime, TimeSpan period);

    Task<bool> Unregister(string reminderName);

    Task<string[]> ListReminders();

    Task Deactivate();

    /// <summary>A call that queues behind any tick already dispatched to the grain.</summary>
    Task Touch();
}

/// <summary>Registers reminders on request and records every activation and tick in the ledger.</summary>
public sealed class ReminderProbeGrain(TestLedger ledger) : Grain, IReminderProbeGrain, IRemindable
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ledger.Record($"activated:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        ledger.Record($"deactivated:{this.GetPrimaryKeyString()}");
        return Task.CompletedTask;
    }

    public Task Register(string reminderName, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<bool> Unregister(string reminderName)
    {
        if (await GetReminder(reminderName) is not { } reminder)
        {
            return false;
        }

        await UnregisterReminder(reminder);
        return true;
    }

    public async Task<string[]> ListReminders() => [.. (await GetReminders()).Select(r => r.ReminderName)];

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task Touch() => Task.CompletedTask;

    /// <summary>Records the tick; a reminder named <c>gated…</c> then waits until the test opens the gate of that name.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ledger.Record(Tick(this.GetPrimaryKeyString(), reminderName, status.CurrentTickTime));
        ledger.Record($"status:{this.GetPrimaryKeyString()}:{reminderName}:{Format(status.FirstTickTime)}/{status.Period}/{Format(status.CurrentTickTime)}");
        if (reminderName.StartsWith("gated", StringComparison.Ordinal))
        {
            await ledger.Gate(reminderName);
        }
    }

    /// <summary>The ledger event of one tick, e.g. <c>tick:g1:r:00:02:00</c> for the tick due at 00:02 (fake clock).</summary>
    public static string Tick(string key, string reminderName, DateTimeOffset at) => $"tick:{key}:{reminderName}:{Format(at)}";

    private static string Format(DateTimeOffset time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}

public interface IForgetfulGrain : IGrainWithStringKey
{
    Task Register();
}

/// <summary>Registers a reminder without implementing <see cref="IRemindable"/>.</summary>
public sealed class ForgetfulGrain : Grain, IForgetfulGrain
{
    public Task Register() => RegisterOrUpdateReminder("lost", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
}
