using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>
/// Collects <see cref="DashboardWebhooks"/>: asks every silo (<c>dashboard.webhooks</c>), takes the outbox statistics of
/// the freshest answer and sums the silos' attempts. Also the <c>webhooks</c> part of the live dashboard. Thread-safe.
/// </summary>
internal sealed class WebhookDashboard(ISiloControl control) : IDashboardSnapshotContributor
{
    public const string HandlerName = "dashboard.webhooks";

    public const int DefaultDeadLimit = 20;

    public const int MaxDeadLimit = 100;

    public string Name => "webhooks";

    public async Task<object> CollectAsync(CancellationToken ct) => await CollectAsync(DefaultDeadLimit, ct);

    public async Task<DashboardWebhooks> CollectAsync(int deadLimit, CancellationToken cancellationToken)
    {
        var answers = await control.AskAllAsync(HandlerName, DomainJson.Argument(new { dead_limit = deadLimit }), cancellationToken);
        var silos = answers.Where(a => a.Result is not null).Select(a => DomainJson.Read<WebhookSiloStats>(a.Result!.Value)!).ToList();
        var database = silos.Select(s => s.Database).MaxBy(d => d.CollectedAt);
        var succeeded = silos.Sum(s => s.AttemptsSucceeded);
        var failed = silos.Sum(s => s.AttemptsFailed);
        var seconds = silos.Count == 0 ? 60 : silos.Max(s => s.AttemptSeconds);
        return new DashboardWebhooks(
            database?.CollectedAt,
            database?.Last5Minutes,
            database?.LastHour,
            Math.Round((succeeded + failed) / (double)seconds, 3),
            succeeded + failed == 0 ? null : Math.Round((double)succeeded / (succeeded + failed), 4),
            new WebhookAttemptCounts(succeeded, failed),
            database?.Pending ?? 0,
            database?.Retrying ?? 0,
            new DeadDeliveries(database?.DeadTotal ?? 0, database?.LatestDead ?? []),
            new WebhookEndpointCounts(database?.EndpointsEnabled ?? 0, database?.EndpointsDisabled ?? 0, database?.EndpointsFailing ?? 0),
            SiloAnswerStatus.Of(answers));
    }
}
