using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Webhooks.Signing;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Working through the outbox: the pump claims due deliveries in batches of up to <see cref="PrefetchRounds"/> times
/// the endpoint's concurrency (one statement leases them all) and starts them as attempt slots free up (bounded per
/// endpoint); each attempt goes through the endpoint's circuit breaker and bulkhead (<c>webhook:{id}</c>), and its
/// outcome is written before the delivery leaves the in-flight set (failures at once, successes in batches written
/// when the pump next goes to the database, when they fill a round, or when the endpoint runs out of work).
/// </summary>
internal sealed partial class WebhookEndpointGrain
{
    /// <summary>The <c>last_error</c> of an attempt whose signing secret could not be decrypted.</summary>
    public const string UnreadableSecretError =
        "The endpoint's stored signing secret cannot be decrypted (the stored row was altered, or its master key is not configured); nothing was sent.";

    // A refused call (open breaker, full bulkhead) without a hint comes back after this.
    private static readonly TimeSpan RefusedCallBackoff = TimeSpan.FromSeconds(1);

    // A claimed delivery's lease lasts the attempts it may wait behind and its own (PrefetchRounds timeouts) plus
    // this, time enough to write its outcome.
    private static readonly TimeSpan DeliveryLeaseMargin = TimeSpan.FromSeconds(30);

    /// <summary>How many rounds of the endpoint's concurrency one claim leases: the next round waits here, not in PostgreSQL.</summary>
    private const int PrefetchRounds = 2;

    // Claimed and not yet written: waiting in _claimed, running, or succeeded and waiting in _succeeded.
    private readonly HashSet<Guid> _inFlight = [];
    private readonly Queue<DueDelivery> _claimed = new();
    private readonly List<SucceededAttempt> _succeeded = [];
    private int _running;
    private TaskCompletionSource? _attemptsDone;
    private bool _deactivating;
    private Task _pump = Task.CompletedTask;
    private bool _pumpAgain;

    private string Dependency => "webhook:" + Id;

    /// <summary>Runs the pump unless it is running, in which case it runs once more when done. Never throws.</summary>
    private void StartPump()
    {
        if (_deactivating)
        {
            return;
        }

        if (!_pump.IsCompleted)
        {
            _pumpAgain = true;
            return;
        }

        _pump = PumpAsync();
    }

    private async Task PumpAsync()
    {
        do
        {
            _pumpAgain = false;
            try
            {
                var concurrency = options.Value.MaxConcurrentDeliveriesPerEndpoint;
                if (_succeeded.Count >= concurrency)
                {
                    await FlushSucceededAsync();
                }

                await EnsureLoadedAsync();
                if (_row is not { IsEnabled: true } row)
                {
                    // Claimed but not started: their leases run out and they are due again if the endpoint comes back.
                    while (_claimed.TryDequeue(out var dropped))
                    {
                        _inFlight.Remove(dropped.Id);
                    }

                    await FlushSucceededAsync();
                    await StopScheduleAsync();
                    return;
                }

                if (_deactivating)
                {
                    return;
                }

                if (_running + _claimed.Count < concurrency)
                {
                    await RecordSucceededAndClaimAsync((concurrency * PrefetchRounds) - _running - _claimed.Count);
                }

                var started = 0;
                while (_running < concurrency && !_deactivating && _claimed.TryDequeue(out var next))
                {
                    _running++;
                    started++;
                    _ = AttemptAsync(row, next);
                }

                // While attempts run, each one's end pumps again; only an idle endpoint needs a timer for what comes later.
                if (_running == 0)
                {
                    await FlushSucceededAsync();
                    await ScheduleNextAsync();
                }
                else if (started > 0)
                {
                    // Attempts are no calls: keep the activation (and its in-flight set) until they are written.
                    DelayDeactivation((options.Value.RequestTimeout * PrefetchRounds) + DeliveryLeaseMargin);
                    await EnsureReminderAsync();
                }
            }
            catch (Exception exception)
            {
                WebhooksLog.PumpFailed(logger, exception, Id);
                return;
            }
        }
        while (_pumpAgain);
    }

    private async Task AttemptAsync(WebhookEndpointRow row, DueDelivery delivery)
    {
        var recorded = true;
        try
        {
            var url = new Uri(row.View.Url);
            WebhookSecret secret;
            try
            {
                secret = OpenSecret(row);
            }
            catch (CryptographicException exception)
            {
                // Not the receiver's fault, so not the breaker's business: recorded as a failed attempt and retried on
                // the schedule (a key configured again heals it), with an error the owner can read.
                SecretsLog.WebhookSecretUnreadable(logger, Id, exception.Message);
                await RecordFailureAsync(delivery, new WebhookAttemptOutcome(null, UnreadableSecretError));
                return;
            }

            WebhookAttemptOutcome outcome;
            try
            {
                outcome = await guard.ExecuteAsync(
                    Dependency, ct => sender.SendAsync(url, secret, delivery, ct), o => !o.Succeeded, CancellationToken.None);
                attemptRate?.Record(outcome.Succeeded);
            }
            catch (CircuitOpenException exception)
            {
                await PostponeAsync(delivery, exception.RetryAfter, exception.Message);
                return;
            }
            catch (BulkheadRejectedException exception)
            {
                await PostponeAsync(delivery, TimeSpan.Zero, exception.Message);
                return;
            }

            if (outcome.Succeeded)
            {
                // Written by the pump's next turn together with the others that finished meanwhile; until then the
                // delivery stays in flight so it is not picked again.
                _succeeded.Add(new SucceededAttempt(delivery.Id, delivery.Attempts + 1, outcome.StatusCode!.Value));
                recorded = false;
                return;
            }

            await RecordFailureAsync(delivery, outcome);
        }
        catch (Exception exception)
        {
            WebhooksLog.RecordFailed(logger, exception, Id, delivery.Id);
        }
        finally
        {
            if (--_running == 0)
            {
                _attemptsDone?.TrySetResult();
            }

            if (recorded)
            {
                _inFlight.Remove(delivery.Id);
            }

            StartPump();
        }
    }

    /// <summary>Completes once no attempt is running.</summary>
    private Task WhenAttemptsDoneAsync()
    {
        if (_running == 0)
        {
            return Task.CompletedTask;
        }

        _attemptsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _attemptsDone.Task;
    }

    /// <summary>Writes the successes since the last turn in one statement; a failed write leaves them pending, so they are sent again.</summary>
    private async Task FlushSucceededAsync()
    {
        if (_succeeded.Count > 0)
        {
            await WriteSucceededAsync((batch, now) => WebhookDeliveryTable.RecordSucceededAsync(db, batch, now));
        }
    }

    /// <summary>
    /// Writes the successes since the last turn and leases up to <paramref name="room"/> due deliveries in one statement,
    /// queueing them to start; a failed write leaves the successes pending, so they are sent again.
    /// </summary>
    private Task RecordSucceededAndClaimAsync(int room) =>
        WriteSucceededAsync(async (batch, now) =>
        {
            var lease = (options.Value.RequestTimeout * PrefetchRounds) + DeliveryLeaseMargin;
            foreach (var delivery in await WebhookDeliveryTable.ClaimDueAsync(db, Id, now, now + lease, room, [.. _inFlight], batch))
            {
                _inFlight.Add(delivery.Id);
                _claimed.Enqueue(delivery);
            }
        });

    /// <summary>
    /// Takes the successes since the last write, runs <paramref name="write"/> (a statement that records them) and then
    /// what follows a recorded success; the batch leaves the in-flight set either way, so a failed write leaves those
    /// deliveries pending and their leases make them due again.
    /// </summary>
    private async Task WriteSucceededAsync(Func<SucceededAttempt[], DateTimeOffset, Task> write)
    {
        var batch = _succeeded.ToArray();
        _succeeded.Clear();
        try
        {
            var now = time.GetUtcNow();
            await write(batch, now);
            await AfterSucceededRecordedAsync(batch, now);
        }
        finally
        {
            ForgetInFlight(batch);
        }
    }

    /// <summary>Logs written successes and, if the endpoint was failing, records that it no longer is.</summary>
    private async Task AfterSucceededRecordedAsync(SucceededAttempt[] batch, DateTimeOffset now)
    {
        if (batch.Length == 0)
        {
            return;
        }

        foreach (var attempt in batch)
        {
            WebhooksLog.AttemptRecorded(logger, Id, attempt.DeliveryId, attempt.Attempts, WebhookDeliveryStatus.Succeeded, attempt.StatusCode, null, null);
        }

        if (_row is { FailingSince: not null } row)
        {
            _row = row with { FailingSince = null };
            await WebhookEndpointTable.UpdateAsync(db, _row, now);
        }
    }

    private void ForgetInFlight(SucceededAttempt[] batch)
    {
        foreach (var attempt in batch)
        {
            _inFlight.Remove(attempt.DeliveryId);
        }
    }

    private Task PostponeAsync(DueDelivery delivery, TimeSpan retryAfter, string reason)
    {
        var now = time.GetUtcNow();
        return WebhookDeliveryTable.PostponeAsync(db, delivery.Id, now + (retryAfter > TimeSpan.Zero ? retryAfter : RefusedCallBackoff), reason, now);
    }

    private async Task RecordFailureAsync(DueDelivery delivery, WebhookAttemptOutcome outcome)
    {
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var error = outcome.Error ?? $"The endpoint answered {outcome.StatusCode}.";
        if (outcome.Gone)
        {
            await WebhookDeliveryTable.RecordAttemptAsync(db, delivery.Id, WebhookDeliveryStatus.Failed, attempts, outcome.StatusCode, error, null, now);
            await DisableAsync("The endpoint answered 410 Gone.", now);
            WebhooksLog.AttemptRecorded(logger, Id, delivery.Id, attempts, WebhookDeliveryStatus.Failed, outcome.StatusCode, error, null);
            return;
        }

        var delay = WebhookRetrySchedule.DelayAfter(attempts, Random.Shared.NextDouble());
        if (delay is { } wait && outcome is { HonoursRetryAfter: true, RetryAfter: { } asked })
        {
            var honoured = asked < options.Value.MaxRetryAfter ? asked : options.Value.MaxRetryAfter;
            delay = honoured > wait ? honoured : wait;
        }

        if (delay is null)
        {
            WebhooksLog.DeliveryDead(logger, Id, delivery.Id, attempts);
        }

        var status = delay is null ? WebhookDeliveryStatus.Dead : WebhookDeliveryStatus.Pending;
        await WebhookDeliveryTable.RecordAttemptAsync(db, delivery.Id, status, attempts, outcome.StatusCode, error, now + delay, now);
        await NoteFailureAsync(now);
        WebhooksLog.AttemptRecorded(logger, Id, delivery.Id, attempts, status, outcome.StatusCode, error, now + delay);
    }
}
