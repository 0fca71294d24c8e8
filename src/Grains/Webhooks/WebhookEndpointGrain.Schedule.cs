using MindPeeker.Runtime;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// When the next attempts run: a one-shot grain timer at the earliest pending delivery's time, and, while anything
/// is pending, a durable reminder. Timers die with the activation (silo death, idle collection); the reminder does
/// not, so its next tick reactivates the endpoint on a live silo and the pump carries on from the outbox rows.
/// </summary>
internal sealed partial class WebhookEndpointGrain : IRemindable
{
    public const string OutboxReminder = "webhook-outbox";

    private IGrainTimer? _timer;
    private IGrainReminder? _reminder;

    // True once this activation knows no reminder is registered, to spare a lookup on every idle pump.
    private bool _reminderAbsent;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (string.Equals(reminderName, OutboxReminder, StringComparison.Ordinal))
        {
            StartPump();
        }

        return Task.CompletedTask;
    }

    private async Task ScheduleNextAsync()
    {
        var next = await WebhookDeliveryTable.NextDueAsync(db, Id, [.. _inFlight]);
        if (next is null)
        {
            _timer?.Dispose();
            _timer = null;
            if (_inFlight.Count == 0)
            {
                await RemoveReminderAsync();
            }

            return;
        }

        var due = next.Value - time.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            // Already due: go round again while a slot is free; otherwise the next attempt to finish starts it.
            _timer?.Dispose();
            _timer = null;
            _pumpAgain |= _running < options.Value.MaxConcurrentDeliveriesPerEndpoint;
        }
        else if (_timer is null)
        {
            _timer = RegisterGrainTimer(_ => { StartPump(); return Task.CompletedTask; }, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }

        await EnsureReminderAsync();
        WebhooksLog.NextAttemptScheduled(logger, Id, next.Value);
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminder is null)
        {
            var period = options.Value.ReminderPeriod;
            _reminder = await RegisterOrUpdateReminder(OutboxReminder, period, period);
            _reminderAbsent = false;
        }
    }

    private async Task StopScheduleAsync()
    {
        _timer?.Dispose();
        _timer = null;
        await RemoveReminderAsync();
    }

    private async Task RemoveReminderAsync()
    {
        if (_reminderAbsent)
        {
            return;
        }

        var reminder = _reminder ?? await GetReminder(OutboxReminder);
        _reminder = null;
        if (reminder is not null)
        {
            await UnregisterReminder(reminder);
        }

        _reminderAbsent = true;
    }
}
