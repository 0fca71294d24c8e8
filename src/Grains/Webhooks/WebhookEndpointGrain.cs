using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Dashboard.Webhooks;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// One endpoint: its row (loaded on the first call) and its outbox. Reentrant so that deliveries run concurrently
/// (up to <see cref="WebhookOptions.MaxConcurrentDeliveriesPerEndpoint"/>) while management calls are served; all of it
/// still runs on the activation's one scheduler, so the fields need no locks.
/// </summary>
[Reentrant]
internal sealed partial class WebhookEndpointGrain(
    NpgsqlDataSource db,
    TimeProvider time,
    DependencyGuard guard,
    WebhookSender sender,
    SealedWebhookSecrets secrets,
    OutboundUrlValidator urlValidator,
    IOptions<WebhookOptions> options,
    ILogger<WebhookEndpointGrain> logger,
    WebhookAttemptRate? attemptRate = null) : Grain, IWebhookEndpointGrain
{
    private Guid? _id;
    private bool _loaded;
    private WebhookEndpointRow? _row;

    private Guid Id => _id ??= this.GetPrimaryKey();

    /// <summary>Writes the successes not yet recorded, so a deactivation (idle collection, shutdown) does not send them twice.</summary>
    /// <summary>
    /// Lets the running attempts (which are no calls, so nothing else keeps them in this activation) finish and write
    /// their outcome before the activation goes, starting no new ones, so no attempt of a deactivated activation writes
    /// over a successor's state; then writes the successes not written yet and wakes a successor when deliveries are
    /// due. Claimed deliveries not started are due again when their lease ends.
    /// </summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // From here on the pump starts nothing: an attempt's end would otherwise claim and start the next ones.
        _deactivating = true;
        try
        {
            await WhenAttemptsDoneAsync().WaitAsync(cancellationToken);
            await _pump.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            WebhooksLog.DeactivatedWithAttemptsRunning(logger, Id, _running);
        }

        await FlushSucceededAsync();
        await WakeSuccessorIfDueAsync();
    }

    /// <summary>
    /// Work that came due while this activation was going (a timer tick or an attempt's end it no longer acted on)
    /// is handed to the next activation: a call to this grain made now waits for the deactivation to finish and is
    /// then delivered to a new activation.
    /// </summary>
    private async Task WakeSuccessorIfDueAsync()
    {
        if (_row is not { IsEnabled: true })
        {
            return;
        }

        try
        {
            if (await WebhookDeliveryTable.NextDueAsync(db, Id, []) is { } due && due <= time.GetUtcNow())
            {
                _ = GrainFactory.GetGrain<IWebhookEndpointGrain>(Id).Poke();
            }
        }
        catch (Exception exception)
        {
            WebhooksLog.PokeFailed(logger, exception, Id);
        }
    }

    public async Task<WebhookEndpointView?> Get(Guid ownerId) => (await OwnedAsync(ownerId))?.View;

    public async Task<WebhookEndpointResult?> Update(Guid ownerId, WebhookEndpointChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (await OwnedAsync(ownerId) is not { } row)
        {
            return null;
        }

        if (changes.Url is { } url && url != row.View.Url && await urlValidator.ValidateAsync(url, CancellationToken.None) is { IsAllowed: false } check)
        {
            return WebhookEndpointResult.Refused("url", check.Reason!);
        }

        var enabling = changes.Status == WebhookEndpointStatus.Enabled && !row.IsEnabled;
        var disabling = changes.Status == WebhookEndpointStatus.Disabled && row.IsEnabled;
        var view = row.View with
        {
            Url = changes.Url ?? row.View.Url,
            Events = changes.Events ?? row.View.Events,
            Description = changes.Description ?? row.View.Description,
            Status = changes.Status ?? row.View.Status,
        };
        var now = time.GetUtcNow();
        var next = row with { View = view, FailingSince = enabling ? null : row.FailingSince };
        await WebhookEndpointTable.UpdateAsync(db, next, now);
        _row = next;
        if (disabling)
        {
            await WebhookDeliveryTable.GiveUpPendingAsync(db, Id, "The endpoint was disabled.", now);
        }

        StartPump();
        return new WebhookEndpointResult(view, null, null);
    }

    public async Task<bool> Delete(Guid ownerId)
    {
        if (await OwnedAsync(ownerId) is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        await WebhookEndpointTable.DeleteAsync(db, Id, now);
        await WebhookDeliveryTable.GiveUpPendingAsync(db, Id, "The endpoint was deleted.", now);
        _row = null;
        await StopScheduleAsync();
        DeactivateOnIdle();
        return true;
    }

    public async Task<WebhookDeliveryPage?> ListDeliveries(Guid ownerId, int limit, Guid? startingAfter, string? status) =>
        await OwnedAsync(ownerId) is null ? null : await WebhookDeliveryTable.ListAsync(db, Id, limit, startingAfter, status);

    public async Task<PublishedWebhookEvent?> SendTest(Guid ownerId)
    {
        if (await OwnedAsync(ownerId) is null)
        {
            return null;
        }

        var test = WebhookEvent.Of(WebhookEventTypes.Test, new { endpoint_id = Id, message = "A test event from MindPeeker." });
        var (eventId, endpoints) = await WebhookOutbox.PublishAsync(db, ownerId, test, time.GetUtcNow(), Id);
        StartPump();
        return new PublishedWebhookEvent(eventId, endpoints.Count);
    }

    public async Task<bool> Retry(Guid ownerId, Guid deliveryId)
    {
        if (await OwnedAsync(ownerId) is null || await WebhookDeliveryTable.RearmAsync(db, Id, deliveryId, null, time.GetUtcNow()) == 0)
        {
            return false;
        }

        StartPump();
        return true;
    }

    public async Task<int?> Recover(Guid ownerId, DateTimeOffset since)
    {
        if (await OwnedAsync(ownerId) is null)
        {
            return null;
        }

        var count = await WebhookDeliveryTable.RearmAsync(db, Id, null, since, time.GetUtcNow());
        StartPump();
        return count;
    }

    public Task Poke()
    {
        StartPump();
        return Task.CompletedTask;
    }

    private async Task<WebhookEndpointRow?> OwnedAsync(Guid ownerId)
    {
        await EnsureLoadedAsync();
        return _row is { } row && row.View.OwnerId == ownerId ? row : null;
    }

    private async Task EnsureLoadedAsync()
    {
        if (!_loaded)
        {
            var row = await WebhookEndpointTable.FindAsync(db, Id);
            if (!_loaded)
            {
                _row = row;
                _loaded = true;
            }
        }
    }

    /// <summary>
    /// Opens the row's signing secret for one delivery attempt (decrypted each time, never kept in the activation).
    /// Throws <see cref="System.Security.Cryptography.CryptographicException"/> when it cannot be decrypted.
    /// </summary>
    private WebhookSecret OpenSecret(WebhookEndpointRow row) => row switch
    {
        { SealedSecret: { } envelope } => secrets.Open(Id, envelope),
        { PlaintextSecret: { } plaintext } => WebhookSecret.Parse(plaintext),
        _ => throw new System.Security.Cryptography.CryptographicException("The endpoint has no stored signing secret."),
    };
}
