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
internal sealed class ClientGrainCallInvoker(
    IClusterMembershipService membership,
    IClientConnections connections,
    LocalObjectTable localObjects,
    TimeProvider time,
    long responseTimeoutTicks,
    Func<RemoteCallSender> sender) : IGrainCallInvoker
{
    public void Send(GrainReference target, GrainRequest request)
    {
        request.RequestContextData = RequestContext.Export();
        Diagnostics.GrainCallTracing.OnSend(request);
        var now = time.GetTimestamp();
        request.SentTimestamp = now;
        request.DeadlineTimestamp = now + responseTimeoutTicks;
        if (LocalObjectTable.IsObserver(target.GrainId) && localObjects.IsLocal(target.GrainId))
        {
            localObjects.Invoke(target.GrainId, request);
            return;
        }

        _ = SendAsync(target.GrainId, request);
    }

    private async Task SendAsync(GrainId grainId, GrainRequest request)
    {
        var gateways = membership.CurrentSnapshot.ActiveGateways;
        if (gateways.Count == 0)
        {
            request.TryFail(new SiloUnavailableException($"No gateway silo is active; {request.Method.DisplayName} on {grainId} was not sent."));
            return;
        }

        var start = (int)(ConsistentRing.GetHash(grainId) % (uint)gateways.Count);
        List<string>? failures = null;
        for (var i = 0; i < gateways.Count; i++)
        {
            var gateway = gateways[(start + i) % gateways.Count];
            IMessageConnection connection;
            try
            {
                connection = await connections.GetGatewayConnectionAsync(gateway, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                (failures ??= []).Add($"{gateway}: {exception.Message}");
                continue;
            }

            var callSender = sender();
            var message = callSender.CreateMessage(grainId, request, Guid.Empty);
            var outcome = await callSender.SendAsync(connection, message, request, $"gateway {gateway}").ConfigureAwait(false);
            if (outcome == RemoteSendOutcome.Completed)
            {
                return;
            }

            (failures ??= []).Add($"{gateway}: {(outcome == RemoteSendOutcome.Reroute ? "leaving the cluster" : "not reachable")}");
        }

        request.TryFail(new SiloUnavailableException(
            $"No gateway took {request.Method.DisplayName} on {grainId}: {string.Join("; ", failures ?? [])}."));
    }
}
