using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>
/// Membership for cluster clients (front ends): no row of its own, no probing, no votes; it only re-reads
/// the table every <see cref="ClusterMembershipOptions.TableRefreshPeriod"/> and publishes newer snapshots, from
/// which the client picks gateways (<see cref="MembershipEntry.IsGateway"/> among
/// <see cref="MembershipSnapshot.ActiveSilos"/>). Start-up fails when the first read does. Thread-safe.
/// </summary>
public sealed class MembershipTableReader : IClusterMembershipService, IHostedService, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly Lock _lock = new();
    private readonly MembershipLoop _refreshLoop;
    private readonly ILogger _logger;
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;

    public MembershipTableReader(IMembershipTable table, IOptions<ClusterMembershipOptions> options, TimeProvider timeProvider, ILogger<MembershipTableReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _refreshLoop = new MembershipLoop(
            options.Value.TableRefreshPeriod,
            timeProvider,
            RefreshAsync,
            exception => MembershipLog.ReaderRefreshFailed(logger, exception));
    }

    public MembershipSnapshot CurrentSnapshot => Volatile.Read(ref _snapshot);

    public event Action<MembershipSnapshot>? SnapshotChanged;

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = (await _table.ReadAllAsync(cancellationToken)).ToSnapshot();
        lock (_lock)
        {
            if (snapshot.Version <= _snapshot.Version)
            {
                return;
            }

            Volatile.Write(ref _snapshot, snapshot);
        }

        try
        {
            SnapshotChanged?.Invoke(snapshot);
        }
        catch (Exception exception)
        {
            MembershipLog.SnapshotHandlerFailed(_logger, exception, snapshot.Version);
        }
    }

    /// <summary>Reads the table once (failing start-up when it cannot) and starts the periodic refresh.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RefreshAsync(cancellationToken);
        _refreshLoop.Start();
    }

    public Task StopAsync(CancellationToken cancellationToken) => _refreshLoop.DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => _refreshLoop.DisposeAsync();

    /// <summary>Completes when the refresh in progress (if any) has finished (tests with a fake clock).</summary>
    internal Task WhenIdleAsync() => _refreshLoop.WhenIdleAsync();
}
