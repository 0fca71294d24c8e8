using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Integrations;

/// <summary>Health, metrics and recent logs: health from the row, metrics and logs from <c>integration_logs</c>.</summary>
internal sealed partial class IntegrationGrain
{
    /// <summary>The window metrics are computed over.</summary>
    public static readonly TimeSpan MetricsWindow = TimeSpan.FromHours(1);

    public Task<IntegrationHealth?> Health(IntegrationCaller caller) => Task.FromResult(VisibleTo(caller)?.Health);

    public async Task<IntegrationMetrics?> Metrics(IntegrationCaller caller) =>
        VisibleTo(caller) is null ? null : await _store.MetricsAsync(Id, time.GetUtcNow(), MetricsWindow);

    public async Task<IReadOnlyList<IntegrationLogEntry>?> Logs(IntegrationCaller caller, int limit) =>
        VisibleTo(caller) is null ? null : await _store.LogsAsync(Id, Math.Clamp(limit, 1, IntegrationQueries.KeptLogEntries));
}
