using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Webhooks.Signing;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// A user's endpoints: registration (the signing secret is stored only sealed, <see cref="SealedWebhookSecrets"/>, and
/// shown once in the answer) and listing. Holds no state of its own, hence reentrant.
/// </summary>
[Reentrant]
internal sealed class UserWebhooksGrain(
    NpgsqlDataSource db, TimeProvider time, OutboundUrlValidator urlValidator, SealedWebhookSecrets secrets) : Grain, IUserWebhooksGrain
{
    private Guid UserId => this.GetPrimaryKey();

    public async Task<WebhookEndpointResult> Create(WebhookEndpointRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        WebhookSecret? secret = null;
        if (request.Secret is not null && !WebhookSecret.TryParse(request.Secret, out secret, out var reason))
        {
            return WebhookEndpointResult.Refused("secret", reason);
        }

        var check = await urlValidator.ValidateAsync(request.Url, CancellationToken.None);
        if (!check.IsAllowed)
        {
            return WebhookEndpointResult.Refused("url", check.Reason!);
        }

        secret ??= WebhookSecret.Generate();
        var view = new WebhookEndpointView(
            Guid.NewGuid(), UserId, request.Url, request.Events, request.Description, WebhookEndpointStatus.Enabled, Now());
        await WebhookEndpointTable.InsertAsync(db, new WebhookEndpointRow(view, secrets.Seal(view.Id, secret), null), secrets.ActiveVersion);
        return new WebhookEndpointResult(view, secret.Export(), null);
    }

    public Task<WebhookEndpointPage> List(int limit, Guid? startingAfter) => WebhookEndpointTable.ListAsync(db, UserId, limit, startingAfter);

    /// <summary>Now, truncated to the microsecond as PostgreSQL keeps it, so what the API answers equals what it lists later.</summary>
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }
}
