using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Turning an endpoint off: after 410 Gone, or once every attempt failed for
/// <see cref="WebhookOptions.DisableAfterFailingFor"/> (the clock starts at the first failure, any success resets it).
/// </summary>
internal sealed partial class WebhookEndpointGrain
{
    /// <summary>Starts the endpoint's failure clock, or disables it once every attempt failed for the configured span.</summary>
    private async Task NoteFailureAsync(DateTimeOffset now)
    {
        if (_row is not { IsEnabled: true } row)
        {
            return;
        }

        if (row.FailingSince is null)
        {
            _row = row with { FailingSince = now };
            await WebhookEndpointTable.UpdateAsync(db, _row, now);
        }
        else if (now - row.FailingSince.Value >= options.Value.DisableAfterFailingFor)
        {
            await DisableAsync($"Every delivery failed since {row.FailingSince.Value:O}.", now);
        }
    }

    /// <summary>Disables the endpoint, gives up its pending deliveries, and tells the owner (audit entry and <c>webhook.disabled</c> event).</summary>
    private async Task DisableAsync(string reason, DateTimeOffset now)
    {
        if (_row is not { IsEnabled: true } row)
        {
            return;
        }

        _row = row with { View = row.View with { Status = WebhookEndpointStatus.Disabled } };
        await WebhookEndpointTable.UpdateAsync(db, _row, now);
        await WebhookDeliveryTable.GiveUpPendingAsync(db, Id, reason, now);
        WebhooksLog.EndpointDisabled(logger, Id, reason);
        try
        {
            await GrainFactory.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
                AuditActions.WebhookDisabled, row.View.OwnerId, null, "webhook", Id.ToString(), null, new Dictionary<string, string> { ["reason"] = reason }));
            await GrainFactory.GetGrain<IWebhookPublisherGrain>(row.View.OwnerId).Publish(
                WebhookEvent.Of(WebhookEventTypes.Disabled, new { endpoint_id = Id, url = row.View.Url, reason }));
        }
        catch (Exception exception)
        {
            WebhooksLog.DisabledNoticeFailed(logger, exception, Id);
        }
    }
}
