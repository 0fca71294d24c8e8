using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Invocation;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Client;

/// <summary>
/// A cluster client's invoker: every call goes to a gateway silo, which routes it. The gateway for a grain is
/// chosen by a stable hash of its id over the active gateways, so one grain's calls take one path while the
/// cluster is stable; a gateway that cannot be reached or is leaving is skipped. Observer calls made in this
/// process run locally. Thread-safe.
/// </summary>
internal sealed class ClientGrainCallInvoker : IGrainCallInvoker
{
    private readonly IClusterMembershipService _membership;
    private readonly IClientConnections _connections;
    private readonly LocalObjectTable _localObjects;
    private readonly TimeProvider _time;
    private readonly long _responseTimeoutTicks;
    private readonly Func<RemoteCallSender> _sender;
    private readonly Action<RemoteCall, RemoteSendOutcome> _notCompleted;

    public ClientGrainCallInvoker(
        IClusterMembershipService membership,
        IClientConnections connections,
        LocalObjectTable localObjects,
        TimeProvider time,
        long responseTimeoutTicks,
        Func<RemoteCallSender> sender)
    {
        _membership = membership;
        _connections = connections;
        _localObjects = localObjects;
        _time = time;
        _responseTimeoutTicks = responseTimeoutTicks;
        _sender = sender;
        _notCompleted = OnNotCompleted;
    }

    public void Send(GrainReference target, GrainRequest request)
    {
        request.RequestContextData = RequestContext.Export();
        Diagnostics.GrainCallTracing.OnSend(request);
        var now = _time.GetTimestamp();
        request.SentTimestamp = now;
        request.DeadlineTimestamp = now + _responseTimeoutTicks;
        if (LocalObjectTable.IsObserver(target.GrainId) && _localObjects.IsLocal(target.GrainId))
        {
            _localObjects.Invoke(target.GrainId, request);
            return;
        }

        SendToGateway(target.GrainId, request, attempt: 0, failures: null);
    }

    /// <summary>Sends to the <paramref name="attempt"/>-th gateway after the grain's own; without awaiting when its connection is open.</summary>
    private void SendToGateway(GrainId grainId, GrainRequest request, int attempt, List<string>? failures)
    {
        var gateways = _membership.CurrentSnapshot.ActiveGateways;
        if (gateways.Count == 0)
        {
            request.TryFail(new SiloUnavailableException($"No gateway silo is active; {request.Method.DisplayName} on {grainId} was not sent."));
            return;
        }

        if (attempt >= gateways.Count)
        {
            request.TryFail(new SiloUnavailableException(
                $"No gateway took {request.Method.DisplayName} on {grainId}: {string.Join("; ", failures ?? [])}."));
            return;
        }

        var start = (int)(ConsistentRing.GetHash(grainId) % (uint)gateways.Count);
        var gateway = gateways[(start + attempt) % gateways.Count];
        var connecting = _connections.GetGatewayConnectionAsync(gateway, CancellationToken.None);
        if (connecting.IsCompletedSuccessfully)
        {
            SendOver(connecting.Result, gateway, grainId, request, attempt, failures);
            return;
        }

        _ = ConnectAndSendAsync(connecting, gateway, grainId, request, attempt, failures);
    }

    private async Task ConnectAndSendAsync(
        ValueTask<IMessageConnection> connecting, SiloAddress gateway, GrainId grainId, GrainRequest request, int attempt, List<string>? failures)
    {
        IMessageConnection connection;
        try
        {
            connection = await connecting.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= []).Add($"{gateway}: {exception.Message}");
            SendToGateway(grainId, request, attempt + 1, failures);
            return;
        }

        SendOver(connection, gateway, grainId, request, attempt, failures);
    }

    private void SendOver(IMessageConnection connection, SiloAddress gateway, GrainId grainId, GrainRequest request, int attempt, List<string>? failures)
    {
        var sender = _sender();
        if (sender.TryCreateMessage(grainId, request, Guid.Empty) is { } message)
        {
            sender.Send(connection, message, new RemoteCall(sender, request, grainId, new RemoteTarget("gateway", gateway), _notCompleted)
            {
                Attempt = attempt,
                Failures = failures,
            });
        }
    }

    /// <summary>The gateway is leaving or could not be written to: try the next one. Never on a reader loop.</summary>
    private void OnNotCompleted(RemoteCall call, RemoteSendOutcome outcome)
    {
        var failures = call.Failures ?? [];
        failures.Add($"{call.Target.Address}: {(outcome == RemoteSendOutcome.Reroute ? "leaving the cluster" : "not reachable")}");
        SendToGateway(call.GrainId, call.Request, call.Attempt + 1, failures);
    }
}
