using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster.Directory;
using MindPeeker.Runtime.Cluster.Placement;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>
/// A silo's call router. For a grain without a local activation it asks the directory cache, then the
/// directory, and sends the call to the registered activation; with no live registration it places a new
/// activation (locally, or on the chosen silo, which registers it). A silo that answers "not here" or
/// "leaving" makes the router drop its cached entry and try again, at most <see cref="MaxForwards"/> times.
/// Thread-safe.
/// </summary>
internal sealed class ClusterRouter : IClusterRouter
{
    public const int MaxForwards = 3;

    private readonly SiloRuntime _runtime;
    private readonly IClusterMembershipService _membership;
    private readonly IGrainDirectory _directory;
    private readonly GrainDirectoryCache _cache;
    private readonly PlacementDirector _placement;
    private readonly IClusterConnections _connections;
    private readonly RemoteCallSender _sender;
    private readonly ILogger _logger;
    private readonly Action<RemoteCall, RemoteSendOutcome> _notCompleted;

    public ClusterRouter(
        SiloRuntime runtime,
        SiloAddress localSilo,
        IClusterMembershipService membership,
        IGrainDirectory directory,
        GrainDirectoryCache cache,
        PlacementDirector placement,
        IClusterConnections connections,
        RemoteCallSender sender,
        ILogger logger)
    {
        _runtime = runtime;
        LocalSilo = localSilo;
        _membership = membership;
        _directory = directory;
        _cache = cache;
        _placement = placement;
        _connections = connections;
        _sender = sender;
        _logger = logger;
        _notCompleted = OnNotCompleted;
    }

    public SiloAddress LocalSilo { get; }

    private GrainTypeRegistry Registry => _runtime.Registry;

    public void Route(GrainId grainId, GrainRequest request, GrainReference? cacheOn)
    {
        if (LocalObjectTable.IsObserver(grainId))
        {
            RouteToObserver(grainId, request);
            return;
        }

        if (!Registry.TryGetClass(grainId.Type, out var descriptor))
        {
            request.TryFail(new InvalidOperationException(
                $"No grain class with grain type '{grainId.Type}' is registered in this silo (grain {grainId}, method {request.Method.DisplayName})."));
            return;
        }

        var snapshot = _membership.CurrentSnapshot;
        if (descriptor.IsStatelessWorker)
        {
            RouteStatelessWorker(grainId, request, cacheOn, descriptor, snapshot);
            return;
        }

        if (_runtime.Catalog.TryGetActivation(grainId, out _) && !_runtime.Catalog.IsStopping)
        {
            _runtime.Catalog.Dispatch(grainId, request, cacheOn);
            return;
        }

        if (_cache.TryGet(grainId, out var cached) && cached is not null && !snapshot.IsDeadOrUnknown(cached.Silo))
        {
            SendTo(cached, grainId, request, cacheOn);
            return;
        }

        _ = ResolveAndSendAsync(grainId, request, descriptor, cacheOn);
    }

    public void RouteAway(GrainId grainId, GrainRequest request)
    {
        if (!Registry.TryGetClass(grainId.Type, out var descriptor))
        {
            request.TryFail(new InvalidOperationException($"No grain class with grain type '{grainId.Type}' is registered."));
            return;
        }

        SiloAddress target;
        try
        {
            target = _placement.Place(descriptor, _membership.CurrentSnapshot, caller: null, exclude: LocalSilo);
        }
        catch (SiloUnavailableException exception)
        {
            request.TryFail(new SiloUnavailableException(
                $"This silo is shutting down and no other silo can take {request.Method.DisplayName} on {grainId}: {exception.Message}", exception));
            return;
        }

        SendRemote(target, Guid.Empty, grainId, request);
    }

    public async ValueTask<GrainAddress?> RegisterActivationAsync(GrainId grainId, Guid activationId)
    {
        var address = new GrainAddress(grainId, LocalSilo, activationId, _membership.CurrentSnapshot.Version);
        GrainAddress? previous = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var winner = await _directory.RegisterAsync(address, previous).ConfigureAwait(false);
            if (winner.Silo.Equals(LocalSilo) && winner.ActivationId == activationId)
            {
                _cache.Put(address);
                return null;
            }

            // A row of a dead silo, or of an earlier activation here that is gone, may be taken over.
            if (winner.Silo.Equals(LocalSilo) || await IsGoneAsync(winner.Silo).ConfigureAwait(false))
            {
                previous = winner;
                continue;
            }

            _cache.Put(winner);
            return winner;
        }

        throw new InvalidOperationException($"Grain {grainId} could not be registered: the directory row kept changing.");
    }

    public async Task UnregisterActivationAsync(GrainId grainId, Guid activationId)
    {
        var address = new GrainAddress(grainId, LocalSilo, activationId, 0);
        _cache.Invalidate(grainId);
        try
        {
            await _directory.UnregisterAsync(address).WaitAsync(TimeSpan.FromSeconds(5), _runtime.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            RoutingLog.UnregisterFailed(_logger, exception, grainId, activationId);
        }
    }

    /// <summary>Drops cached locations on silos that left and purges their directory rows (one silo does it; all may try).</summary>
    public async Task OnMembershipChangedAsync(MembershipSnapshot snapshot)
    {
        _cache.OnMembershipChanged(snapshot);
        var gone = snapshot.Entries.Values.Where(e => e.Status == SiloStatus.Dead).Select(e => e.Address).ToList();
        if (gone.Count == 0)
        {
            return;
        }

        var purged = await _directory.UnregisterSilosAsync(gone).ConfigureAwait(false);
        if (purged > 0)
        {
            RoutingLog.DeadSilosPurged(_logger, purged, string.Join(", ", gone));
        }
    }

    private void RouteStatelessWorker(GrainId grainId, GrainRequest request, GrainReference? cacheOn, GrainClassDescriptor descriptor, MembershipSnapshot snapshot)
    {
        if (!_runtime.Catalog.IsStopping
            && (!snapshot.Entries.TryGetValue(LocalSilo, out var local) || _placement.IsCompatible(descriptor, local, snapshot)))
        {
            _runtime.Catalog.Dispatch(grainId, request, cacheOn);
            return;
        }

        SiloAddress target;
        try
        {
            target = _placement.Place(descriptor, snapshot, caller: null, exclude: LocalSilo);
        }
        catch (SiloUnavailableException exception)
        {
            request.TryFail(exception);
            return;
        }

        SendRemote(target, Guid.Empty, grainId, request);
    }

    private void RouteToObserver(GrainId observerId, GrainRequest request)
    {
        if (_runtime.LocalObjects.IsLocal(observerId))
        {
            _runtime.LocalObjects.Invoke(observerId, request);
            return;
        }

        var owner = LocalObjectTable.GetOwner(observerId);
        if (SiloAddress.TryParse(owner, out var silo))
        {
            if (_membership.CurrentSnapshot.IsDeadOrUnknown(silo))
            {
                request.TryFail(new SiloUnavailableException($"Observer {observerId} lived on silo {silo}, which is no longer in the cluster."));
                return;
            }

            SendRemote(silo, Guid.Empty, observerId, request);
            return;
        }

        if (_connections.TryGetClientConnection(owner, out var connection))
        {
            SendOver(connection, observerId, request, new RemoteTarget("client", owner));
            return;
        }

        request.TryFail(new SiloUnavailableException($"Observer {observerId} belongs to client '{owner}', which is not connected to silo {LocalSilo}."));
    }

    private void SendTo(GrainAddress address, GrainId grainId, GrainRequest request, GrainReference? cacheOn)
    {
        if (address.Silo.Equals(LocalSilo))
        {
            if (_runtime.Catalog.IsStopping)
            {
                RouteAway(grainId, request);
                return;
            }

            _runtime.Catalog.Dispatch(grainId, request, cacheOn);
            return;
        }

        SendRemote(address.Silo, address.ActivationId, grainId, request);
    }

    private async Task ResolveAndSendAsync(GrainId grainId, GrainRequest request, GrainClassDescriptor descriptor, GrainReference? cacheOn)
    {
        GrainAddress? registered;
        try
        {
            registered = await _directory.LookupAsync(grainId).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            request.TryFail(new SiloUnavailableException($"The grain directory could not be read for {grainId}: {exception.Message}", exception));
            return;
        }

        if (registered is not null && !await IsGoneAsync(registered.Silo).ConfigureAwait(false))
        {
            _cache.Put(registered);
            SendTo(registered, grainId, request, cacheOn);
            return;
        }

        var snapshot = _membership.CurrentSnapshot;

        SiloAddress target;
        var caller = _runtime.Catalog.IsStopping ? null : LocalSilo;
        var exclude = _runtime.Catalog.IsStopping ? LocalSilo : null;
        try
        {
            target = _placement.Place(descriptor, snapshot, caller, exclude);
        }
        catch (SiloUnavailableException)
        {
            // This silo's view may predate the silo that would fit: read the table once more before failing.
            await _membership.RefreshAsync().ConfigureAwait(false);
            try
            {
                target = _placement.Place(descriptor, _membership.CurrentSnapshot, caller, exclude);
            }
            catch (SiloUnavailableException exception)
            {
                request.TryFail(exception);
                return;
            }
        }

        if (target.Equals(LocalSilo))
        {
            _runtime.Catalog.Dispatch(grainId, request, cacheOn);
        }
        else
        {
            SendRemote(target, Guid.Empty, grainId, request);
        }
    }

    /// <summary>Sends the call to <paramref name="silo"/>; without awaiting anything when the connection is open (the common case).</summary>
    private void SendRemote(SiloAddress silo, Guid activationId, GrainId grainId, GrainRequest request)
    {
        var connecting = _connections.GetSiloConnectionAsync(silo, CancellationToken.None);
        if (connecting.IsCompletedSuccessfully)
        {
            SendOver(connecting.Result, grainId, request, new RemoteTarget("silo", silo), activationId);
            return;
        }

        _ = ConnectAndSendAsync(connecting, silo, activationId, grainId, request);
    }

    private async Task ConnectAndSendAsync(ValueTask<Messaging.IMessageConnection> connecting, SiloAddress silo, Guid activationId, GrainId grainId, GrainRequest request)
    {
        Messaging.IMessageConnection connection;
        try
        {
            connection = await connecting.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Never sent, so safe to send elsewhere: a new activation can go to another silo at once; a call to an
            // existing activation only once membership agrees its silo is gone (else it would make a second one).
            _cache.Invalidate(grainId);
            if (activationId == Guid.Empty && !LocalObjectTable.IsObserver(grainId) && TryCountForward(grainId, request))
            {
                PlaceElsewhere(grainId, request, silo);
                return;
            }

            if (await IsGoneAsync(silo).ConfigureAwait(false) && TryCountForward(grainId, request))
            {
                Route(grainId, request, cacheOn: null);
                return;
            }

            request.TryFail(new SiloUnavailableException(
                $"Silo {silo}, which hosts {grainId}, cannot be reached ({exception.Message}); {request.Method.DisplayName} was not sent. The cluster declares it dead within seconds if it is down.", exception));
            return;
        }

        SendOver(connection, grainId, request, new RemoteTarget("silo", silo), activationId);
    }

    private void SendOver(Messaging.IMessageConnection connection, GrainId grainId, GrainRequest request, RemoteTarget target, Guid activationId = default)
    {
        if (_sender.TryCreateMessage(grainId, request, activationId) is { } message)
        {
            _sender.Send(connection, message, new RemoteCall(_sender, request, grainId, target, _notCompleted));
        }
    }

    /// <summary>A remote call was not run there (stale directory entry, leaving silo) or not sent: route it again. Never on a reader loop.</summary>
    private void OnNotCompleted(RemoteCall call, RemoteSendOutcome outcome)
    {
        _cache.Invalidate(call.GrainId);
        if (TryCountForward(call.GrainId, call.Request))
        {
            Route(call.GrainId, call.Request, cacheOn: null);
        }
    }

    /// <summary>
    /// Whether <paramref name="silo"/> has left for good: Dead in the table, or absent from it even after a fresh
    /// read (rows are only removed long after Dead). A silo this process has not seen join yet is not gone.
    /// </summary>
    private async ValueTask<bool> IsGoneAsync(SiloAddress silo)
    {
        switch (_membership.CurrentSnapshot.GetStatus(silo))
        {
            case SiloStatus.Dead:
                return true;
            case SiloStatus.None:
                await _membership.RefreshAsync().ConfigureAwait(false);
                return _membership.CurrentSnapshot.IsDeadOrUnknown(silo);
            default:
                return false;
        }
    }

    /// <summary>Places a new activation on a silo other than <paramref name="unreachable"/>.</summary>
    private void PlaceElsewhere(GrainId grainId, GrainRequest request, SiloAddress unreachable)
    {
        if (!Registry.TryGetClass(grainId.Type, out var descriptor))
        {
            request.TryFail(new InvalidOperationException($"No grain class with grain type '{grainId.Type}' is registered."));
            return;
        }

        SiloAddress target;
        try
        {
            target = _placement.Place(descriptor, _membership.CurrentSnapshot, _runtime.Catalog.IsStopping ? null : LocalSilo, exclude: unreachable);
        }
        catch (SiloUnavailableException exception)
        {
            request.TryFail(exception);
            return;
        }

        if (target.Equals(LocalSilo))
        {
            _runtime.Catalog.Dispatch(grainId, request, cacheOn: null);
        }
        else
        {
            SendRemote(target, Guid.Empty, grainId, request);
        }
    }

    private bool TryCountForward(GrainId grainId, GrainRequest request)
    {
        request.ForwardCount++;
        if (request.ForwardCount > MaxForwards)
        {
            request.TryFail(new SiloUnavailableException(
                $"{request.Method.DisplayName} on {grainId} was re-routed {MaxForwards} times without reaching an activation; the cluster is changing, retry."));
            return false;
        }

        RoutingLog.Rerouted(_logger, request.Method.DisplayName, grainId, request.ForwardCount);
        return true;
    }
}
