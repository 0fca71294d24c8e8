using System.Text.Json;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Runtime.Management;
using Npgsql;

namespace MindPeeker.Grains.Dashboard.Webhooks;

/// <summary>
/// Silo control handler <c>dashboard.webhooks</c>, argument <c>{"dead_limit": n}</c> (0–100, default 20): the outbox
/// statistics from PostgreSQL (<see cref="WebhookDeliveryStats"/>, the same on every silo, reused for
/// <see cref="DashboardDataOptions.DatabaseStatsMaxAge"/>) and this silo's own attempts of the last minute
/// (<see cref="WebhookAttemptRate"/>), as <see cref="WebhookSiloStats"/>.
/// </summary>
internal sealed class WebhookStatsHandler : ISiloControlHandler
{
    public const string HandlerName = "dashboard.webhooks";

    /// <summary>The seconds attempts are counted over.</summary>
    public const int AttemptSeconds = 60;

    private readonly WebhookAttemptRate _attempts;
    private readonly CachedQuery<int, WebhookDeliveryStats> _stats;

    public WebhookStatsHandler(NpgsqlDataSource db, WebhookAttemptRate attempts, TimeProvider time, IOptions<DashboardDataOptions> options)
    {
        _attempts = attempts;
        _stats = new(time, options.Value.DatabaseStatsMaxAge, (deadLimit, ct) => WebhookDashboardQueries.ReadAsync(db, time.GetUtcNow(), deadLimit, ct));
    }

    public string Name => HandlerName;

    public async ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var stats = await _stats.GetAsync(DashboardJson.Int(argument, "dead_limit", 20, 0, 100), cancellationToken);
        var (succeeded, failed) = _attempts.Last(AttemptSeconds);
        return DashboardJson.Serialize(new WebhookSiloStats(stats, AttemptSeconds, succeeded, failed));
    }
}
