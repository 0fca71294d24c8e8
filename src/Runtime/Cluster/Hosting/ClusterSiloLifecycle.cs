using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster.Directory;
using MindPeeker.Runtime.Cluster.Membership;
using MindPeeker.Runtime.Cluster.Placement;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Cluster.Serialization;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Hosting;

/// <summary>
/// The silo's part in the cluster, driven by <see cref="Silo"/>: listen, join the membership table, route
/// calls through the directory, and on shutdown leave in Orleans' order — ShuttingDown (no new placements
/// here), drain activations (queued calls forwarded, state written, directory rows removed), purge what is
/// left of this silo's directory rows, close connections, Stopping, Dead.
/// </summary>
internal sealed class ClusterSiloLifecycle(
    SiloRuntime runtime,
    LocalSiloDetails local,
    MembershipAgent membership,
    IGrainDirectory directory,
    GrainDirectoryCache cache,
    PlacementDirector placement,
    ConnectionManager connections,
    ConnectionListener listener,
    DeferredInboundMessageHandler inbound,
    IOptions<MessagingOptions> messaging,
    SiloStatistics statistics,
    SiloControlHandlers controlHandlers,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("MindPeeker.Runtime.Cluster");
    private ClusterRouter? _router;

    public SiloAddress LocalSilo => local.Address;

    public MembershipAgent Membership => membership;

    /// <summary>Attaches the router and inbound handler, then writes this silo's row as Joining.</summary>
    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        runtime.LocalObjects.AssignOwner(local.Address.ToString());
        var json = new GrainCallJson(runtime.Registry, () => runtime.Invoker);
        var sender = new RemoteCallSender(json, runtime.TimeProvider, runtime.ToTimestampTicks(messaging.Value.ResponseTimeout), _logger);
        var adapter = new ConnectionManagerAdapter(connections);
        _router = new ClusterRouter(runtime, local.Address, membership, directory, cache, placement, adapter, sender, _logger);
        var dispatcher = new SiloCallDispatcher(runtime, _router);
        var handler = new InboundCallHandler(runtime.Registry, json, runtime.TimeProvider, dispatcher.Dispatch, _logger, Report, controlHandlers);
        dispatcher.Attach(handler);
        inbound.Attach(handler);
        runtime.Router = _router;
        membership.SnapshotChanged += OnSnapshotChanged;
        await membership.JoinAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task BecomeActiveAsync(CancellationToken cancellationToken) => membership.BecomeActiveAsync(cancellationToken);

    /// <summary>ShuttingDown: other silos stop placing activations here; calls in flight still arrive.</summary>
    public Task ShutDownAsync(CancellationToken cancellationToken) => BestEffortAsync("write ShuttingDown", () => membership.ShutDownAsync(cancellationToken));

    /// <summary>After the activations drained: remove leftover directory rows, close connections, and end Dead.</summary>
    /// <remarks>
    /// Each step is best effort: a step that fails (the database went away first, say) is logged and the next
    /// one runs, because a stopping silo must still stop; the survivors' failure detector covers what is left.
    /// </remarks>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        membership.SnapshotChanged -= OnSnapshotChanged;
        await BestEffortAsync("remove this silo's directory rows", () => directory.UnregisterSilosAsync([local.Address], cancellationToken)).ConfigureAwait(false);
        await BestEffortAsync("write Stopping", () => membership.StoppingAsync(cancellationToken)).ConfigureAwait(false);
        await BestEffortAsync("stop listening", listener.StopAsync).ConfigureAwait(false);
        await BestEffortAsync("close connections", () => connections.DisposeAsync().AsTask()).ConfigureAwait(false);
        await BestEffortAsync("write Dead", () => membership.DeadAsync(cancellationToken)).ConfigureAwait(false);
    }

    private async Task BestEffortAsync(string step, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            ClusterHostingLog.LeaveStepFailed(_logger, exception, step);
        }
    }

    /// <summary>This silo's statistics as an admin report.</summary>
    public SiloRuntimeReport Report() => statistics.ToReport(local.Address.ToString(), local.Roles);

    private void OnSnapshotChanged(MembershipSnapshot snapshot)
    {
        if (_router is { } router)
        {
            _ = PurgeAsync(router, snapshot);
        }
    }

    private async Task PurgeAsync(ClusterRouter router, MembershipSnapshot snapshot)
    {
        try
        {
            await router.OnMembershipChangedAsync(snapshot).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            ClusterHostingLog.PurgeFailed(_logger, exception);
        }
    }
}
