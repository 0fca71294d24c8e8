using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>Delivery through the real outbox, grain and HTTP to a Kestrel receiver on loopback; time through a fake clock.</summary>
public sealed partial class WebhookDeliveryTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private readonly FakeTimeProvider _time = new();
    private WebhookTestReceiver _receiver = null!;
    private WebhookSilo _silo = null!;
    private Guid _owner;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookTestReceiver.StartAsync();
        // The endpoint's circuit breaker would open after 5 failures; these tests watch the retry schedule on its own.
        _silo = await WebhookSilo.StartAsync(_database, _time, new Dictionary<string, string?> { ["Resilience:Breakers:MinimumThroughput"] = "1000" });
        _owner = await _database.CreateUserAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_receiver_down_for_the_whole_schedule_makes_the_delivery_dead_then_recover_delivers_it()
    {
        _receiver.Status = 500;
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var published = await _silo.PublishAsync(_owner);
        published.Deliveries.Should().Be(1);
        var deliveryId = (await _database.DeliveryAsync(published.EventId)).Id;

        for (var attempt = 1; attempt <= WebhookRetrySchedule.MaxAttempts; attempt++)
        {
            await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", deliveryId, attempt)
                .ContinueWith(t => t.IsFaulted ? throw new TimeoutException($"Attempt {attempt} was not recorded; the receiver saw {_receiver.Received.Count}.") : t);
            var row = await _database.DeliveryAsync(published.EventId);
            row.Attempts.Should().Be(attempt);
            row.LastStatusCode.Should().Be(500);
            if (attempt == WebhookRetrySchedule.MaxAttempts)
            {
                row.Status.Should().Be(WebhookDeliveryStatus.Dead);
                row.NextAttemptAt.Should().BeNull();
                break;
            }

            row.Status.Should().Be(WebhookDeliveryStatus.Pending);
            var wait = row.NextAttemptAt!.Value - row.UpdatedAt;
            var nominal = WebhookRetrySchedule.Delays[attempt - 1];
            wait.Should().BeGreaterThanOrEqualTo(nominal * 0.8 - TimeSpan.FromMilliseconds(1)).And.BeLessThanOrEqualTo(nominal * 1.2 + TimeSpan.FromMilliseconds(1));
            await _silo.Logs.WaitForAsync(WebhookLogRecorder.NextAttemptScheduled, "NextAttemptAt", row.NextAttemptAt.Value);
            _time.Advance(row.NextAttemptAt.Value - _time.GetUtcNow());
        }

        _receiver.Received.Should().HaveCount(10).And.OnlyContain(r => r.WebhookId == published.EventId, "webhook-id is stable across retries");

        _receiver.Status = 204;
        var recovered = await _silo.Endpoint(endpoint.Id).Recover(_owner, _time.GetUtcNow() - TimeSpan.FromDays(7));
        recovered.Should().Be(1);
        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", deliveryId, 11);
        var delivered = await _database.DeliveryAsync(published.EventId);
        delivered.Status.Should().Be(WebhookDeliveryStatus.Succeeded);
        _receiver.Received.Should().HaveCount(11);
        _receiver.Received[^1].WebhookId.Should().Be(published.EventId);
    }

    [Fact]
    public async Task Gone_disables_the_endpoint_and_audits_it()
    {
        _receiver.Status = 410;
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var published = await _silo.PublishAsync(_owner);

        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await _database.DeliveryAsync(published.EventId)).Id);

        (await _silo.Endpoint(endpoint.Id).Get(_owner))!.Status.Should().Be(WebhookEndpointStatus.Disabled);
        (await _database.DeliveryAsync(published.EventId)).Status.Should().Be(WebhookDeliveryStatus.Failed);
        (await _database.AuditCountAsync(AuditActions.WebhookDisabled, endpoint.Id)).Should().Be(1);
        (await _silo.PublishAsync(_owner)).Deliveries.Should().Be(0, "a disabled endpoint receives no new events");
    }

    [Fact]
    public async Task An_endpoint_failing_for_five_days_is_disabled_and_its_owner_told()
    {
        _receiver.Status = 500;
        var failing = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        await using var notified = await WebhookTestReceiver.StartAsync();
        var notice = await _silo.Grains.GetGrain<IUserWebhooksGrain>(_owner).Create(
            new WebhookEndpointRequest(notified.Url.ToString(), [WebhookEventTypes.Disabled], "ops", null));
        var published = await _silo.PublishAsync(_owner);
        var deliveryId = (await _database.DeliveryAsync(published.EventId)).Id;
        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", deliveryId);
        await _silo.Logs.WaitForAsync(WebhookLogRecorder.NextAttemptScheduled, "NextAttemptAt", (await _database.DeliveryAsync(published.EventId)).NextAttemptAt!.Value);

        // Five days on, every attempt having failed (the first delivery's retries race the clock and fail too), the
        // next failure disables the endpoint: a new event's immediate attempt is one.
        _time.Advance(TimeSpan.FromDays(5));
        await _silo.PublishAsync(_owner);

        await _silo.Logs.WaitForAsync(WebhookLogRecorder.EndpointDisabled, "EndpointId", failing.Id);
        (await _silo.Endpoint(failing.Id).Get(_owner))!.Status.Should().Be(WebhookEndpointStatus.Disabled);
        (await _database.DeliveryAsync(published.EventId)).Status.Should().BeOneOf(WebhookDeliveryStatus.Failed, WebhookDeliveryStatus.Dead);
        // The notice is published after the audit entry is written: once it arrived, the entry is there.
        await notified.WaitForAsync(1);
        (await _database.AuditCountAsync(AuditActions.WebhookDisabled, failing.Id)).Should().Be(1);
        notified.Received[0].Event.Should().Be(WebhookEventTypes.Disabled);
        notified.Received[0].Body.Should().Contain(failing.Id.ToString());
        (await _silo.Endpoint(notice.Endpoint!.Id).Get(_owner))!.Status.Should().Be(WebhookEndpointStatus.Enabled);
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        _receiver.Status = 302;
        _receiver.Location = new Uri(_receiver.Url, "/elsewhere").ToString();
        await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var published = await _silo.PublishAsync(_owner);

        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await _database.DeliveryAsync(published.EventId)).Id);

        var row = await _database.DeliveryAsync(published.EventId);
        row.Status.Should().Be(WebhookDeliveryStatus.Pending);
        row.LastStatusCode.Should().Be(302);
        _receiver.Received.Should().ContainSingle().Which.Path.Should().Be("/hooks/in");
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Retry_after_is_honoured(int status)
    {
        _receiver.Status = status;
        _receiver.RetryAfter = "600";
        await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var published = await _silo.PublishAsync(_owner);

        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await _database.DeliveryAsync(published.EventId)).Id);

        var row = await _database.DeliveryAsync(published.EventId);
        (row.NextAttemptAt!.Value - row.UpdatedAt).Should().Be(TimeSpan.FromSeconds(600), "the receiver asked for 600 s, more than the 5 s the schedule says");
    }

    [Fact]
    public async Task Deliveries_carry_the_event_body_and_both_signatures()
    {
        var endpoint = await _silo.CreateEndpointAsync(_owner, _receiver.Url);
        var published = await _silo.PublishAsync(_owner);

        await _silo.Logs.WaitForAsync(WebhookLogRecorder.AttemptRecorded, "DeliveryId", (await _database.DeliveryAsync(published.EventId)).Id);

        var received = _receiver.Received[0];
        received.Event.Should().Be(WebhookEventTypes.SessionCompleted);
        received.Signature.Should().StartWith("v1,");
        received.LegacySignature.Should().MatchRegex("^[0-9a-f]{64}$");
        using var body = System.Text.Json.JsonDocument.Parse(received.Body);
        body.RootElement.GetProperty("id").GetString().Should().Be(published.EventId);
        body.RootElement.GetProperty("type").GetString().Should().Be(WebhookEventTypes.SessionCompleted);
        body.RootElement.TryGetProperty("timestamp", out _).Should().BeTrue();
        body.RootElement.GetProperty("data").TryGetProperty("session_id", out _).Should().BeTrue();
        (await _silo.Endpoint(endpoint.Id).ListDeliveries(_owner, 10, null, WebhookDeliveryStatus.Succeeded))!.Items.Should().ContainSingle();
    }
}
