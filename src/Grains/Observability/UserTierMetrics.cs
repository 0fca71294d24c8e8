using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MindPeeker.Grains.Observability;

/// <summary>
/// <c>user_tier_distribution</c> (gauge, label <c>tier</c>): registered users per tier, counted in PostgreSQL every
/// <see cref="DomainMetricsOptions.UserTierRefreshInterval"/> (one <c>GROUP BY</c> query) rather than per scrape. Every
/// silo reports the same whole-database numbers: aggregate with <c>max by (tier)</c>, not <c>sum</c>. Nothing is
/// reported before the first count succeeded. Thread-safe.
/// </summary>
internal sealed class UserTierMetrics : BackgroundService
{
    public const string MeterName = "MindPeeker.Users";

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly DomainMetricsOptions _options;
    private readonly ILogger<UserTierMetrics> _logger;
    private volatile KeyValuePair<string, long>[] _counts = [];

    public UserTierMetrics(
        IMeterFactory meterFactory,
        NpgsqlDataSource dataSource,
        TimeProvider timeProvider,
        IOptions<DomainMetricsOptions> options,
        ILogger<UserTierMetrics> logger)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("user_tier_distribution", Observe, description: "Registered users per tier (whole database; the same on every silo).");
    }

    /// <summary>Counts now; also run by the refresh loop.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var counts = new List<KeyValuePair<string, long>>();
        await using var command = _dataSource.CreateCommand("SELECT tier, count(*) FROM users GROUP BY tier ORDER BY tier LIMIT 100");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
        }

        _counts = [.. counts];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.UserTierRefreshInterval, _timeProvider);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                DomainMetricsLog.UserTierCountFailed(_logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _counts.Select(static pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("tier", pair.Key)));
}
