using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster.Routing;
using MindPeeker.Runtime.Cluster.Serialization;
using MindPeeker.Runtime.Manifest;
using MindPeeker.Runtime.Messaging;

namespace MindPeeker.Runtime.Cluster.Client;

/// <summary>
/// A front end's connection to the cluster, like Orleans' <c>IClusterClient</c>: finds gateways in the
/// membership table, learns the interface → grain type map from one of them, keeps a connection to every
/// active gateway (so observer calls from any silo reach this process) and hands out an
/// <see cref="IGrainFactory"/> whose calls travel through the gateways.
/// </summary>
internal sealed class ClusterClient : IHostedService, IDisposable
{
    private readonly GrainTypeRegistry _registry;
    private readonly IClusterMembershipService _membership;
    private readonly IClientConnections _connections;
    private readonly ClusterClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterClient> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public ClusterClient(
        GrainTypeRegistry registry,
        IClusterMembershipService membership,
        IClientConnections connections,
        IOptions<ClusterClientOptions> options,
        TimeProvider time,
        ILogger<ClusterClient> logger)
    {
        _registry = registry;
        _membership = membership;
        _connections = connections;
        _options = options.Value;
        _time = time;
        _logger = logger;
        LocalObjects = new LocalObjectTable(_options.ClientId);
        var timeoutTicks = (long)(_options.ResponseTimeout.TotalSeconds * time.TimestampFrequency);
        RemoteCallSender? sender = null;
        var invoker = new ClientGrainCallInvoker(membership, connections, LocalObjects, time, timeoutTicks, () => sender!);
        Json = new GrainCallJson(registry, () => invoker);
        sender = new RemoteCallSender(Json, time, timeoutTicks, logger);
        GrainFactory = new GrainFactory(registry, invoker, LocalObjects);
        InboundHandler = new InboundCallHandler(registry, Json, time, DispatchInbound, logger);
    }

    public IGrainFactory GrainFactory { get; }

    public string ClientId => _options.ClientId;

    /// <summary>Handles observer calls that silos send to this client.</summary>
    public IInboundMessageHandler InboundHandler { get; }

    internal LocalObjectTable LocalObjects { get; }

    internal GrainCallJson Json { get; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.GatewayWaitTimeout);
        var bindings = await WaitForManifestAsync(deadline.Token).ConfigureAwait(false);
        _registry.AddRemoteBindings(bindings);
        _membership.SnapshotChanged += ConnectToGateways;
        ConnectToGateways(_membership.CurrentSnapshot);
        ClusterClientLog.Connected(_logger, _options.ClientId, _membership.CurrentSnapshot.ActiveGateways.Count, bindings.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _membership.SnapshotChanged -= ConnectToGateways;
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    private async Task<IReadOnlyDictionary<string, string>> WaitForManifestAsync(CancellationToken cancellationToken)
    {
        string? lastProblem = null;
        while (true)
        {
            try
            {
                await _membership.RefreshAsync(cancellationToken).ConfigureAwait(false);
                foreach (var gateway in _membership.CurrentSnapshot.ActiveGateways)
                {
                    try
                    {
                        var connection = await _connections.GetGatewayConnectionAsync(gateway, cancellationToken).ConfigureAwait(false);
                        var response = await connection.SendRequestAsync(
                            new Message { Kind = MessageKind.Request, InterfaceName = SystemRequests.Manifest }, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                        if (response.Status == ResponseStatus.Ok)
                        {
                            return JsonSerializer.Deserialize<Dictionary<string, string>>(response.Body.Span) ?? [];
                        }

                        lastProblem = $"gateway {gateway} answered {response.Status}";
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        lastProblem = $"gateway {gateway}: {exception.Message}";
                    }
                }

                lastProblem ??= "no silo is active in the membership table yet";
                await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                throw new InvalidOperationException(
                    $"The front end found no usable gateway silo within {_options.GatewayWaitTimeout} ({lastProblem ?? "membership table unreadable"}). Start a silo for this cluster, or check ConnectionStrings:MindPeeker and the cluster id.");
            }
        }
    }

    private bool DispatchInbound(GrainId grainId, Invocation.GrainRequest request, IMessageConnection connection, Message message)
    {
        if (LocalObjectTable.IsObserver(grainId) && LocalObjects.IsLocal(grainId))
        {
            LocalObjects.Invoke(grainId, request);
        }
        else
        {
            request.TryFail(new InvalidOperationException($"Client {_options.ClientId} hosts no grains; {grainId} was sent here by mistake."));
        }

        return true;
    }

    private void ConnectToGateways(MembershipSnapshot snapshot)
    {
        foreach (var gateway in snapshot.ActiveGateways)
        {
            _ = ConnectAsync(gateway);
        }
    }

    private async Task ConnectAsync(SiloAddress gateway)
    {
        try
        {
            await _connections.GetGatewayConnectionAsync(gateway, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ClusterClientLog.GatewayUnreachable(_logger, exception, gateway);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
