using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// The outbox's safety net: at start and then every <see cref="WebhookOptions.ReminderPeriod"/>, wakes every endpoint
/// holding a pending delivery overdue by more than one period. That covers a publish whose commit succeeded but whose
/// wake-up call was lost (the silo died in between), before the endpoint had registered its reminder. Waking is
/// idempotent, so every silo may run it.
/// </summary>
internal sealed class WebhookOutboxSweep(
    NpgsqlDataSource db, IGrainFactory grains, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookOutboxSweep> logger) : BackgroundService
{
    private const string Overdue = "SELECT DISTINCT endpoint_id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at < $1 AND (leased_until IS NULL OR leased_until < $1)";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.ReminderPeriod;
        using var timer = new PeriodicTimer(period, time);
        do
        {
            try
            {
                await SweepAsync(period, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                WebhooksLog.SweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Wakes the endpoints with deliveries due more than <paramref name="grace"/> ago; the number woken.</summary>
    public async Task<int> SweepAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var endpoints = new List<Guid>();
        await using (var command = db.CreateCommand(Overdue))
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = time.GetUtcNow() - grace });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                endpoints.Add(reader.GetGuid(0));
            }
        }

        foreach (var endpoint in endpoints)
        {
            // One endpoint that cannot be woken (its silo just died) must not keep the others waiting a period.
            try
            {
                await grains.GetGrain<IWebhookEndpointGrain>(endpoint).Poke();
            }
            catch (Exception exception)
            {
                WebhooksLog.PokeFailed(logger, exception, endpoint);
            }
        }

        if (endpoints.Count > 0)
        {
            WebhooksLog.SweepWoke(logger, endpoints.Count);
        }

        return endpoints.Count;
    }
}
