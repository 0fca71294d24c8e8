using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Tests.Webhooks;
using MindPeeker.Grains.Webhooks;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Dashboard;

/// <summary>
/// The silo control handlers behind the dashboard's rate-limit and webhook pages, on a real silo over PostgreSQL: real
/// bucket grains, and real deliveries to a Kestrel receiver answering 500 while a fake clock runs the retry schedule out.
/// </summary>
public sealed class SiloDashboardDataTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new();
    private WebhookTestReceiver _receiver = null!;
    private DashboardSilo _silo = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookTestReceiver.StartAsync();
        // The endpoint's circuit breaker would open after 5 failures; this test wants every scheduled attempt made.
        _silo = await DashboardSilo.StartAsync(_database, _time, new Dictionary<string, string?> { ["Resilience:Breakers:MinimumThroughput"] = "1000" });
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_low_limit_bucket_shows_up_as_the_hottest_with_its_rejections()
    {
        var rule = RateLimitRule.TokenBucket(3, TimeSpan.FromMinutes(1));
        for (var i = 0; i < 8; i++)
        {
            await _silo.Grains.GetGrain<IRateLimitBucketGrain>("default/key:tight").Acquire(rule);
        }

        await _silo.Grains.GetGrain<IRateLimitBucketGrain>("default/user:calm").Acquire(RateLimitRule.TokenBucket(100, TimeSpan.FromMinutes(1)));

        var answer = await _silo.AskAsync("dashboard.rate_limits", new { top = 5 });

        answer.GetProperty("requests").GetInt64().Should().Be(9);
        answer.GetProperty("rejections").GetInt64().Should().Be(5);
        var hottest = answer.GetProperty("buckets")[0];
        hottest.GetProperty("key").GetString().Should().Be("default/key:tight");
        hottest.GetProperty("principal_kind").GetString().Should().Be("key");
        hottest.GetProperty("principal_id").GetString().Should().Be("tight");
        hottest.GetProperty("requests").GetInt64().Should().Be(8);
        hottest.GetProperty("rejections").GetInt64().Should().Be(5);
        hottest.GetProperty("limit").GetInt32().Should().Be(3);
        hottest.GetProperty("remaining").GetInt32().Should().Be(0);
        answer.GetProperty("buckets")[1].GetProperty("principal_id").GetString().Should().Be("calm");
    }

    [Fact]
    public async Task A_receiver_failing_the_whole_schedule_shows_a_dead_delivery_and_failed_attempts()
    {
        _receiver.Status = 500;
        var owner = await _database.CreateUserAsync();
        var endpoint = (await _silo.Grains.GetGrain<IUserWebhooksGrain>(owner).Create(
            new WebhookEndpointRequest(_receiver.Url.ToString(), [WebhookEventTypes.SessionCompleted], "dashboard test", null))).Endpoint!;
        var published = await _silo.Grains.GetGrain<IWebhookPublisherGrain>(owner).Publish(
            WebhookEvent.Of(WebhookEventTypes.SessionCompleted, new { session_id = Guid.NewGuid() }));
        var deliveryId = (await _database.DeliveryAsync(published.EventId)).Id;

        var before = await _silo.AskAsync("dashboard.webhooks", new { dead_limit = 5 });
        before.GetProperty("database").GetProperty("pending").GetInt64().Should().Be(1);
        before.GetProperty("database").GetProperty("dead_total").GetInt64().Should().Be(0);

        for (var attempt = 1; attempt <= WebhookRetrySchedule.MaxAttempts; attempt++)
        {
            await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", deliveryId, attempt);
            if (attempt == WebhookRetrySchedule.MaxAttempts)
            {
                break;
            }

            var row = await _database.DeliveryAsync(published.EventId);
            await _silo.Logs.WaitForAsync(WebhookLogRecorder.NextAttemptScheduled, "NextAttemptAt", row.NextAttemptAt!.Value);
            _time.Advance(row.NextAttemptAt!.Value - _time.GetUtcNow());
        }

        var after = await _silo.AskAsync("dashboard.webhooks", new { dead_limit = 5 });
        var database = after.GetProperty("database");
        database.GetProperty("dead_total").GetInt64().Should().Be(1);
        database.GetProperty("pending").GetInt64().Should().Be(0);
        database.GetProperty("last_5_minutes").GetProperty("dead").GetInt64().Should().Be(1);
        database.GetProperty("last_5_minutes").GetProperty("success_rate").GetDouble().Should().Be(0);
        database.GetProperty("endpoints_enabled").GetInt64().Should().Be(1);
        var dead = database.GetProperty("latest_dead").EnumerateArray().Should().ContainSingle().Subject;
        dead.GetProperty("delivery_id").GetGuid().Should().Be(deliveryId);
        dead.GetProperty("endpoint_id").GetGuid().Should().Be(endpoint.Id);
        dead.GetProperty("user_id").GetGuid().Should().Be(owner);
        dead.GetProperty("event_type").GetString().Should().Be(WebhookEventTypes.SessionCompleted);
        dead.GetProperty("attempts").GetInt32().Should().Be(WebhookRetrySchedule.MaxAttempts);
        dead.GetProperty("last_status_code").GetInt32().Should().Be(500);
        dead.GetProperty("last_error").GetString().Should().Contain("500");
    }
}
