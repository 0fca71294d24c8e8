using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The push loop: every <see cref="DashboardOptions.CollectionInterval"/> (on the <see cref="TimeProvider"/>'s
/// periodic timer), if at least one admin is connected to <see cref="AdminHub"/>, collects and sends
/// <c>dashboard_snapshot</c> and each contributor's <c>dashboard_{name}</c> to the admins' group. With no admin
/// connected a tick does nothing at all. Payloads are serialized like HTTP responses (snake_case).
/// </summary>
internal sealed class DashboardPushService(
    DashboardCollector collector,
    AdminConnections connections,
    IHubContext<AdminHub> hub,
    IEnumerable<IDashboardSnapshotContributor> contributors,
    IOptions<DashboardOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider time,
    ILogger<DashboardPushService> logger) : BackgroundService
{
    public const string SnapshotMessage = "dashboard_snapshot";

    private readonly IDashboardSnapshotContributor[] _contributors = [.. contributors];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CollectionInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (connections.Count == 0)
                {
                    continue;
                }

                await PushOnceAsync(interval, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PushOnceAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        var admins = hub.Clients.Group(AdminHub.Group);
        var contributions = _contributors.Select(c => ContributeAsync(c, interval, stoppingToken)).ToList();
        try
        {
            var snapshot = await collector.CollectAsync(stoppingToken).ConfigureAwait(false);
            await admins.SendAsync(SnapshotMessage, Serialize(snapshot), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            DashboardLog.CollectionFailed(logger, exception);
        }

        foreach (var (name, payload) in await Task.WhenAll(contributions).ConfigureAwait(false))
        {
            if (payload is { } element)
            {
                await admins.SendAsync("dashboard_" + name, element, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(string Name, JsonElement? Payload)> ContributeAsync(IDashboardSnapshotContributor contributor, TimeSpan interval, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            var payload = await contributor.CollectAsync(linked.Token).WaitAsync(interval, time, linked.Token).ConfigureAwait(false);
            return (contributor.Name, Serialize(payload));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            DashboardLog.ContributorFailed(logger, exception, contributor.Name);
            return (contributor.Name, null);
        }
    }

    private JsonElement Serialize(object payload) => JsonSerializer.SerializeToElement(payload, payload.GetType(), json.Value.SerializerOptions);
}
