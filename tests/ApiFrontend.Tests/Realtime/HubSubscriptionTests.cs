using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>Subscribing to sessions over /v1/ws and receiving their <c>session_update</c> events.</summary>
public sealed class HubSubscriptionTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private const string AdminEmail = "realtime-admin@example.com";

    private ApiFactory _factory = null!;
    private HttpClient _client = null!;
    private TestAccount _owner = null!;
    private TestAccount _stranger = null!;

    public async Task InitializeAsync()
    {
        _factory = new ApiFactory(database.ConnectionString, new Dictionary<string, string?> { ["Identity:AdminEmails:0"] = AdminEmail });
        _client = _factory.CreateClient();
        _owner = await TestAccounts.RegisterAsync(_client, "owner");
        _stranger = await TestAccounts.RegisterAsync(_client, "stranger");
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Subscribe_answers_the_session_and_its_sequence_and_every_later_update_follows_in_order()
    {
        var sessionId = await RealtimeTestSessions.CreateAsync(_client, _owner);
        await using var hub = await ConnectAsync(_owner);

        var subscribed = await hub.InvokeAsync("Subscribe", sessionId.ToString());
        var session = subscribed.GetProperty("session");
        var sequence = subscribed.GetProperty("sequence").GetInt64();
        // Updates at or below the answered sequence may still arrive (the answer already covers them): clients skip them.
        var live = SessionStatus.IsFinal(session.GetProperty("status").GetString()!)
            ? []
            : (await hub.UpdatesUntilAsync(u => SessionStatus.IsFinal(Data(u).GetProperty("status").GetString()!)))
                .Where(u => u.GetProperty("sequence").GetInt64() > sequence).ToList();
        var lastSequence = live.Count == 0 ? sequence : live[^1].GetProperty("sequence").GetInt64();
        for (var revision = 1; revision <= 3; revision++)
        {
            await RealtimeTestSessions.ChangeMetadataAsync(_client, _owner, sessionId, revision);
        }

        var afterCompletion = (await hub.UpdatesUntilAsync(u => u.GetProperty("sequence").GetInt64() == lastSequence + 3))
            .Where(u => u.GetProperty("sequence").GetInt64() > lastSequence).ToList();
        using var eventsRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/sessions/{sessionId}/events?starting_after={sequence}").AuthorizeAs(_owner);
        using var eventsResponse = await _client.SendAsync(eventsRequest);
        var missed = (await TestAccounts.ReadDataAsync(eventsResponse, System.Net.HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();

        session.GetProperty("id").GetGuid().Should().Be(sessionId);
        session.GetProperty("user_id").GetGuid().Should().Be(_owner.UserId);
        session.GetProperty("progress").GetInt32().Should().BeInRange(0, 100);
        sequence.Should().BeGreaterThanOrEqualTo(1, "the creation is the session's first update");
        live.Select(u => u.GetProperty("sequence").GetInt64()).Should().Equal(Enumerable.Range(1, live.Count).Select(i => sequence + i),
            "updates after the subscription arrive once each, in order, with no gap after the answered sequence");
        live.Should().OnlyContain(u => u.GetProperty("type").GetString() == "session_update" && u.GetProperty("sessionId").GetGuid() == sessionId);
        live.Select(u => Data(u).GetProperty("progress").GetInt32()).Should().BeInAscendingOrder();
        if (live.Count > 0)
        {
            Data(live[^1]).GetProperty("status").GetString().Should().Be(SessionStatus.Completed);
            Data(live[^1]).GetProperty("progress").GetInt32().Should().Be(100);
        }

        afterCompletion.Select(u => u.GetProperty("sequence").GetInt64()).Should().Equal(lastSequence + 1, lastSequence + 2, lastSequence + 3);
        missed.Select(u => u.GetRawText()).Should().Equal(live.Concat(afterCompletion).Select(u => u.GetRawText()),
            "a client that resumes from the events endpoint reads exactly what the hub sent after its subscription");
        afterCompletion.Should().OnlyContain(u => Data(u).GetProperty("event").GetString() == SessionEvents.Updated
            && Data(u).GetProperty("status").GetString() == SessionStatus.Completed
            && Data(u).GetProperty("result_count").GetInt32() > 0
            && Data(u).GetProperty("error").ValueKind == JsonValueKind.Null
            && u.GetProperty("timestamp").GetDateTimeOffset() > DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Another_users_session_is_refused_exactly_like_one_that_does_not_exist()
    {
        var sessionId = await RealtimeTestSessions.CreateAsync(_client, _owner);
        await using var hub = await ConnectAsync(_stranger);

        var foreign = await RefusalAsync(hub, sessionId.ToString());
        var missing = await RefusalAsync(hub, Guid.NewGuid().ToString());
        var malformed = await RefusalAsync(hub, "not-a-session-id");
        await RealtimeTestSessions.ChangeMetadataAsync(_client, _owner, sessionId, 1);
        var stillWorks = await hub.InvokeAsync("Subscribe", (await RealtimeTestSessions.CreateAsync(_client, _stranger)).ToString());

        foreign.Should().EndWith("HubException: Session not found");
        missing.Should().Be(foreign);
        malformed.Should().Be(foreign);
        stillWorks.GetProperty("sequence").GetInt64().Should().BeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task An_admin_may_subscribe_to_any_users_session()
    {
        var sessionId = await RealtimeTestSessions.CreateAsync(_client, _owner);
        using var registered = await _client.PostAsJsonAsync("/v1/auth/register", new { email = AdminEmail, username = "realtime_admin", password = TestAccounts.Password });
        var admin = await TestAccounts.ReadDataAsync(registered, System.Net.HttpStatusCode.Created);
        await using var hub = await HubTestConnection.ConnectAsync(_factory, request => request.Headers.Authorization = "Bearer " + admin.GetProperty("token").GetString());

        var subscribed = await hub.InvokeAsync("Subscribe", sessionId.ToString());

        subscribed.GetProperty("session").GetProperty("user_id").GetGuid().Should().Be(_owner.UserId);
    }

    [Fact]
    public async Task Unsubscribe_stops_that_sessions_updates_and_no_other()
    {
        var left = await RealtimeTestSessions.CreateAsync(_client, _owner);
        var kept = await RealtimeTestSessions.CreateAsync(_client, _owner);
        await using var hub = await ConnectAsync(_owner);
        await hub.InvokeAsync("Subscribe", left.ToString());
        var keptAt = (await hub.InvokeAsync("Subscribe", kept.ToString())).GetProperty("sequence").GetInt64();
        await hub.InvokeAsync("Unsubscribe", left.ToString());

        // The kept session's change is sent after the left one's, on the same connection: had the
        // left one been sent, it would arrive first.
        await RealtimeTestSessions.ChangeMetadataAsync(_client, _owner, left, 1);
        await RealtimeTestSessions.ChangeMetadataAsync(_client, _owner, kept, 1);
        var received = await hub.UpdatesUntilAsync(u => u.GetProperty("sessionId").GetGuid() == kept && Data(u).GetProperty("event").GetString() == SessionEvents.Updated);

        received[^1].GetProperty("sequence").GetInt64().Should().BeGreaterThan(keptAt);
        received.Should().NotContain(
            u => u.GetProperty("sessionId").GetGuid() == left && Data(u).GetProperty("event").GetString() == SessionEvents.Updated,
            "the left session changed only after the unsubscribe (its analysis may have reported before)");
    }

    [Fact]
    public async Task A_burst_through_the_notifier_reaches_the_subscriber_with_every_sessions_order_intact()
    {
        const int sessions = 20;
        const int updatesPerSession = 25;
        var ids = new List<Guid>();
        for (var i = 0; i < sessions; i++)
        {
            ids.Add(await RealtimeTestSessions.CreateAsync(_client, _owner));
        }

        await using var hub = await ConnectAsync(_owner);
        var last = await SubscribeUntilFinalAsync(hub, ids);
        var notifier = RealtimeTestSessions.Grains(_factory).GetGrain<ISessionUpdateNotifierGrain>(0);
        var time = _factory.Services.GetRequiredService<TimeProvider>();

        // Each loop stands for a session grain: it publishes its next update once the previous one was delivered.
        var publishers = ids.Select(async id =>
        {
            for (var i = 1; i <= updatesPerSession; i++)
            {
                await notifier.Publish(new SessionUpdate(
                    id, _owner.UserId, last[id] + i, SessionEvents.Updated, SessionStatus.Completed, 100, 1, null, time.GetUtcNow()));
            }
        }).ToList();
        await Task.WhenAll(publishers);
        var received = new List<JsonElement>();
        while (received.Count < sessions * updatesPerSession)
        {
            // An update the subscription's answer already covered may still arrive; it is not part of the burst.
            var update = await hub.NextUpdateAsync();
            if (update.GetProperty("sequence").GetInt64() > last[update.GetProperty("sessionId").GetGuid()])
            {
                received.Add(update);
            }
        }

        var bySession = received.GroupBy(u => u.GetProperty("sessionId").GetGuid()).ToDictionary(g => g.Key, g => g.Select(u => u.GetProperty("sequence").GetInt64()).ToList());
        bySession.Keys.Should().BeEquivalentTo(ids);
        foreach (var id in ids)
        {
            bySession[id].Should().Equal(Enumerable.Range(1, updatesPerSession).Select(i => last[id] + i), "session {0} must keep its order", id);
        }
    }

    /// <summary>Subscribes to every session and reads updates until each has reached a final status; answers each one's last sequence.</summary>
    private static async Task<Dictionary<Guid, long>> SubscribeUntilFinalAsync(SignalRJsonClient hub, IReadOnlyList<Guid> ids)
    {
        var last = new Dictionary<Guid, long>();
        var running = new HashSet<Guid>();
        foreach (var id in ids)
        {
            var subscribed = await hub.InvokeAsync("Subscribe", id.ToString());
            last[id] = subscribed.GetProperty("sequence").GetInt64();
            if (!SessionStatus.IsFinal(subscribed.GetProperty("session").GetProperty("status").GetString()!))
            {
                running.Add(id);
            }
        }

        while (running.Count > 0)
        {
            var update = await hub.NextUpdateAsync();
            var id = update.GetProperty("sessionId").GetGuid();
            last[id] = Math.Max(last[id], update.GetProperty("sequence").GetInt64());
            if (SessionStatus.IsFinal(Data(update).GetProperty("status").GetString()!))
            {
                running.Remove(id);
            }
        }

        return last;
    }

    private static JsonElement Data(JsonElement update) => update.GetProperty("data");

    private static async Task<string> RefusalAsync(SignalRJsonClient hub, string sessionId)
    {
        var subscribe = () => hub.InvokeAsync("Subscribe", sessionId);
        return (await subscribe.Should().ThrowAsync<HubInvocationException>()).Which.Message;
    }

    private Task<SignalRJsonClient> ConnectAsync(TestAccount account) =>
        HubTestConnection.ConnectAsync(_factory, request => request.Headers.Authorization = "Bearer " + account.AccessToken);
}
