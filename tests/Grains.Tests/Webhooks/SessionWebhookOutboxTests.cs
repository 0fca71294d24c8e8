using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Identity;
using MindPeeker.Grains.Realtime;
using MindPeeker.Grains.Sessions;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>
/// A session's webhook events are written by the session update's own statement (the transactional outbox): a real silo
/// running sessions (ONNX models) and webhook delivery over real PostgreSQL, delivering to a Kestrel receiver on loopback.
/// </summary>
public sealed class SessionWebhookOutboxTests : IAsyncLifetime
{
    // WebhooksLog.SweepWoke: the outbox sweep woke endpoints with overdue deliveries.
    private const int SweepWokeEventId = 6006;

    private readonly PostgreSqlTestDatabase _database = new();
    private readonly SessionUpdateRecorder _updates = new();
    private readonly WebhookLogRecorder _logs = new();
    private WebhookTestReceiver _receiver = null!;
    private TestSilo? _silo;
    private Guid _owner;

    private IGrainFactory Grains => _silo!.GrainFactory;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _receiver = await WebhookTestReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _receiver.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_completed_session_commits_its_deliveries_with_its_final_row_and_they_are_delivered()
    {
        await StartSiloAsync();
        await CreateEndpointAsync(_owner, "/all", WebhookEventTypes.SessionCompleted, WebhookEventTypes.AnalysisReady);
        var id = Guid.NewGuid();

        await Grains.GetGrain<ISessionGrain>(id).Create(Command(_owner));
        await _updates.WaitForEventAsync(id, SessionEvents.Completed);

        // The notifier hears of an update only after its commit: the outbox rows are already there, stamped like their update.
        var stored = await StoredEventsAsync(id);
        stored.Select(e => (e.Type, e.Sequence)).Should().Equal(
            (WebhookEventTypes.AnalysisReady, 3L), (WebhookEventTypes.AnalysisReady, 4L), (WebhookEventTypes.SessionCompleted, 5L));
        stored.Should().OnlyContain(e => e.Deliveries == 1 && e.WrittenWithItsUpdate);

        await _receiver.WaitForAsync(3);
        _receiver.Received.Select(r => r.WebhookId).Should().BeEquivalentTo(stored.Select(e => e.Id));
        var completed = _receiver.Received.Single(r => r.Event == WebhookEventTypes.SessionCompleted);
        using var body = JsonDocument.Parse(completed.Body);
        body.RootElement.GetProperty("id").GetString().Should().Be(completed.WebhookId);
        var data = body.RootElement.GetProperty("data");
        data.GetProperty("session_id").GetGuid().Should().Be(id);
        data.GetProperty("session_type").GetString().Should().Be("dowsing");
        data.GetProperty("status").GetString().Should().Be(SessionStatus.Completed);
        data.GetProperty("progress").GetInt32().Should().Be(100);
        data.GetProperty("result_count").GetInt32().Should().Be(2);
        data.GetProperty("sequence").GetInt64().Should().Be(5);
    }

    [Fact]
    public async Task An_update_PostgreSQL_refuses_stores_none_of_its_webhook_events()
    {
        var time = new FakeTimeProvider();
        await StartSiloAsync(time);
        await CreateEndpointAsync(_owner, "/cancelled", WebhookEventTypes.SessionCancelled);
        var id = Guid.NewGuid();
        var access = new SessionAccess(_owner, IsAdmin: false);
        await Grains.GetGrain<ISessionGrain>(id).Create(Command(_owner));
        time.Advance(TimeSpan.Zero);
        await _updates.WaitForEventAsync(id, SessionEvents.Started);
        await _database.RefuseEventsAsync(id, fromSequence: 3);

        var cancel = () => Grains.GetGrain<ISessionGrain>(id).Cancel(access);

        await cancel.Should().ThrowAsync<PostgresException>();
        (await StoredEventsAsync(id)).Should().BeEmpty("the event is written by the refused update's own statement");

        await _database.AcceptEventsAgainAsync();
        (await cancel())!.Status.Should().Be(SessionStatus.Cancelled);
        var stored = await StoredEventsAsync(id);
        stored.Should().ContainSingle().Which.Should().Match<StoredEvent>(
            e => e.Type == WebhookEventTypes.SessionCancelled && e.Sequence == 3 && e.Deliveries == 1 && e.WrittenWithItsUpdate);
        await _receiver.WaitForAsync(1);
        _receiver.Received.Single().WebhookId.Should().Be(stored[0].Id);
    }

    [Fact]
    public async Task A_session_whose_owner_has_no_endpoints_writes_no_webhook_rows()
    {
        await StartSiloAsync();
        var neighbour = await _database.CreateUserAsync();
        await CreateEndpointAsync(
            neighbour, "/neighbour", WebhookEventTypes.SessionCompleted, WebhookEventTypes.AnalysisReady, WebhookEventTypes.SessionFailed,
            WebhookEventTypes.AnalysisFailed, WebhookEventTypes.SessionCancelled);
        var id = Guid.NewGuid();

        await Grains.GetGrain<ISessionGrain>(id).Create(Command(_owner));
        await _updates.WaitForEventAsync(id, SessionEvents.Completed);

        _updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4, 5);
        (await CountAsync("SELECT count(*) FROM webhook_events")).Should().Be(0);
        (await CountAsync("SELECT count(*) FROM webhook_deliveries")).Should().Be(0);
    }

    [Fact]
    public async Task An_endpoint_not_subscribed_to_the_type_or_disabled_gets_nothing()
    {
        await StartSiloAsync();
        var subscribed = await CreateEndpointAsync(_owner, "/completed", WebhookEventTypes.SessionCompleted);
        var otherTypes = await CreateEndpointAsync(_owner, "/failed", WebhookEventTypes.SessionFailed, WebhookEventTypes.AnalysisFailed);
        var disabled = await CreateEndpointAsync(_owner, "/disabled", WebhookEventTypes.SessionCompleted);
        (await Grains.GetGrain<IWebhookEndpointGrain>(disabled).Update(_owner, new WebhookEndpointChanges(null, null, null, WebhookEndpointStatus.Disabled)))
            !.Endpoint!.Status.Should().Be(WebhookEndpointStatus.Disabled);
        var id = Guid.NewGuid();

        await Grains.GetGrain<ISessionGrain>(id).Create(Command(_owner));
        await _updates.WaitForEventAsync(id, SessionEvents.Completed);

        (await DeliveryCountAsync(subscribed)).Should().Be(1);
        (await DeliveryCountAsync(otherTypes)).Should().Be(0);
        (await DeliveryCountAsync(disabled)).Should().Be(0);
        await _receiver.WaitForAsync(1);
        _receiver.Received.Should().ContainSingle().Which.Path.Should().Be("/completed");
    }

    [Fact]
    public async Task Applying_the_same_update_again_stores_its_events_once()
    {
        await StartSiloAsync();
        var endpoint = await CreateEndpointAsync(_owner, "/finished", WebhookEventTypes.SessionCompleted, WebhookEventTypes.SessionCancelled);
        var id = Guid.NewGuid();
        await Grains.GetGrain<ISessionGrain>(id).Create(Command(_owner));
        await _updates.WaitForEventAsync(id, SessionEvents.Completed);
        var store = new SessionStore(_database.DataSource);
        var state = (await store.LoadAsync(id))!;
        var update = new SessionUpdate(id, _owner, 5, SessionEvents.Completed, state.Status, state.Progress, state.ResultCount, state.Error, state.UpdatedAt);
        var events = SessionGrain.WebhookEventsOf(update, state.SessionType);

        // The statement repeated after it committed (say its answer was lost): the row has moved on, so the guard refuses.
        (await store.WriteAsync(state, update, null, expectedSequence: 4, events)).Written.Should().BeFalse();

        // A stale activation's next update misses the guard too, and its events are not stored either.
        var stale = update with { Sequence = 6, Event = SessionEvents.Cancelled, Status = SessionStatus.Cancelled };
        (await store.WriteAsync(state, stale, null, expectedSequence: 4, SessionGrain.WebhookEventsOf(stale, state.SessionType))).Written.Should().BeFalse();

        // The same statement landing on the row as it was before it (restored by an operator): stable event ids keep it to one.
        await ExecuteAsync($"UPDATE sessions SET last_sequence = 4 WHERE id = '{id}'; DELETE FROM session_events WHERE session_id = '{id}' AND sequence = 5");
        var again = await store.WriteAsync(state, update, null, expectedSequence: 4, events);

        again.Written.Should().BeTrue();
        again.EndpointsToWake.Should().BeEmpty("no new delivery was inserted");
        var stored = await StoredEventsAsync(id);
        stored.Should().ContainSingle().Which.Id.Should().Be(events.Single().Id);
        stored[0].Deliveries.Should().Be(1);
        (await DeliveryCountAsync(endpoint)).Should().Be(1);
    }

    [Fact]
    public async Task A_committed_event_whose_wake_up_was_lost_is_delivered_by_the_outbox_sweep_within_two_periods()
    {
        var time = new FakeTimeProvider();
        await StartSiloAsync(time);
        var endpoint = await CreateEndpointAsync(_owner, "/completed", WebhookEventTypes.SessionCompleted);
        var id = Guid.NewGuid();
        var store = new SessionStore(_database.DataSource);
        var now = time.GetUtcNow();
        var created = new SessionState
        {
            OwnerId = _owner, Cue = "Is the key in the kitchen?", SessionType = "dowsing", Parameters = new SessionParameters(0.5, ["yes_no"]),
            LastSequence = 1, CreatedAt = now, UpdatedAt = now,
        };
        (await store.WriteAsync(created, Update(id, created, SessionEvents.Created), null, 0, [])).Written.Should().BeTrue();
        var completed = created.Copy();
        completed.Status = SessionStatus.Completed;
        completed.Progress = 100;
        completed.LastSequence = 2;
        completed.CompletedAt = now;
        var update = Update(id, completed, SessionEvents.Completed);

        // A session grain whose silo died right after this commit: the endpoint is never woken by the producer.
        var written = await store.WriteAsync(completed, update, null, 1, SessionGrain.WebhookEventsOf(update, completed.SessionType));
        written.EndpointsToWake.Should().Equal(endpoint);

        time.Advance(2 * new WebhookOptions().ReminderPeriod + TimeSpan.FromSeconds(1));
        await _logs.WaitForAsync(SweepWokeEventId, "Count", 1);
        await _receiver.WaitForAsync(1);
        _receiver.Received.Single().WebhookId.Should().Be((await StoredEventsAsync(id)).Single().Id);
    }

    private static SessionUpdate Update(Guid id, SessionState state, string @event) =>
        new(id, state.OwnerId, state.LastSequence, @event, state.Status, state.Progress, state.ResultCount, state.Error, state.UpdatedAt);

    private static CreateSession Command(Guid owner) =>
        new(owner, "Is the key in the kitchen?", "dowsing", new SessionParameters(0.5, []), null);

    /// <summary>Starts a silo with sessions and webhook delivery (loopback targets allowed), and creates the owner.</summary>
    private async Task StartSiloAsync(TimeProvider? time = null)
    {
        _silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.AddGrainsOnDatabase(_database.ConnectionString);
                builder.Services.AddIdentityGrains();
                builder.Services.AddAnalysis();
                builder.AddSessionUpdateNotifier();
                builder.AddSessions();
                builder.AddWebhooks();
                builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug));
                builder.Services.AddSingleton<ILoggerProvider>(_logs);
            },
            time,
            new Dictionary<string, string?>
            {
                ["Outbound:AllowLoopbackTargets"] = "true",
                ["Integrations:Credentials:MasterKeys:1"] = WebhookSilo.MasterKey,
                ["Realtime:Notifier:ObserverExpiry"] = "01:00:00",
                ["Realtime:Notifier:ObserverListRefresh"] = "00:00:00",
            });
        var reference = Grains.CreateObjectReference<ISessionUpdateObserver>(_updates);
        await Grains.GetGrain<ISessionUpdateHubListGrain>(0).Register(reference);
        _owner = await _database.CreateUserAsync();
    }

    private async Task<Guid> CreateEndpointAsync(Guid owner, string path, params string[] events)
    {
        var created = await Grains.GetGrain<IUserWebhooksGrain>(owner).Create(
            new WebhookEndpointRequest(new Uri(_receiver.Url, path).ToString(), events, "test", null));
        created.Errors.Should().BeNull();
        return created.Endpoint!.Id;
    }

    /// <summary>The session's webhook events, in sequence order, each with its deliveries and whether it carries its update's stamp.</summary>
    private async Task<List<StoredEvent>> StoredEventsAsync(Guid sessionId)
    {
        await using var command = _database.DataSource.CreateCommand("""
            SELECT e.id, e.type, (e.body::jsonb #>> '{data,sequence}')::bigint AS sequence,
                   (SELECT count(*) FROM webhook_deliveries d WHERE d.event_id = e.id),
                   e.occurred_at = se.occurred_at
                   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.created_at <> se.occurred_at)
            FROM webhook_events e
            LEFT JOIN session_events se ON se.session_id = $1 AND se.sequence = (e.body::jsonb #>> '{data,sequence}')::bigint
            WHERE e.body::jsonb #>> '{data,session_id}' = $2
            ORDER BY sequence, e.type
            """);
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(sessionId.ToString());
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(new StoredEvent(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), !reader.IsDBNull(4) && reader.GetBoolean(4)));
        }

        return events;
    }

    private async Task<long> DeliveryCountAsync(Guid endpointId)
    {
        await using var command = _database.DataSource.CreateCommand("SELECT count(*) FROM webhook_deliveries WHERE endpoint_id = $1");
        command.Parameters.AddWithValue(endpointId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One row of <c>webhook_events</c> for a session, as an operator would read it.</summary>
    private sealed record StoredEvent(string Id, string Type, long Sequence, long Deliveries, bool WrittenWithItsUpdate);
}
