using System.Collections.Concurrent;
using System.Net;
using MindPeeker.Sdk.Sessions;

namespace MindPeeker.Sdk.Tests.Sessions;

/// <summary>The C# SDK against a running MindPeeker: create, live progress over SignalR, wait, results, paging.</summary>
[Collection(LiveServerCollection.Name)]
public sealed class SessionsClientTests(LiveServer server)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_created_session_reports_live_progress_over_SignalR_until_completed_and_has_results()
    {
        using var client = Client(server.ApiKey);
        // A cue of its own: analyses of a cue seen before come from the cache at once, too fast to follow live.
        var session = await client.Sessions.CreateAsync(new CreateSessionRequest($"A lighthouse on a rocky coast at dusk ({Guid.NewGuid():N})", "remote_viewing"));
        session.Status.Should().BeOneOf(SessionStatuses.Pending, SessionStatuses.Processing);

        var updates = new ConcurrentQueue<SessionUpdate>();
        var done = await client.Sessions.WaitForCompletionAsync(session.Id, new WaitOptions { Timeout = Generous, OnProgress = updates.Enqueue });

        done.Status.Should().Be(SessionStatuses.Completed, server.Output);
        done.Progress.Should().Be(100);
        var seen = updates.ToList();
        seen.Should().NotBeEmpty("the session was followed live from pending to completed");
        seen.Select(u => u.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        seen.Select(u => u.Data.Progress).Should().BeInAscendingOrder();
        seen.Last().Data.Status.Should().Be(SessionStatuses.Completed);
        seen.Should().Contain(u => u.Data.Event == "result", "results arrive while the session processes");
        seen.Should().OnlyContain(u => u.SessionId == session.Id);

        var results = await client.Sessions.GetResultsAsync(session.Id);
        results.Should().HaveCount(done.ResultCount).And.NotBeEmpty();
        results.Should().OnlyContain(r => r.SessionId == session.Id && r.ConfidenceScore >= 0 && r.ConfidenceScore <= 1);
    }

    [Fact]
    public async Task Waiting_without_realtime_polls_the_events_and_reports_the_same_progress()
    {
        using var client = Client(server.ApiKey);
        var session = await client.Sessions.CreateAsync(new CreateSessionRequest("A red door in a white wall", "remote_viewing"));
        var updates = new ConcurrentQueue<SessionUpdate>();

        var done = await client.Sessions.WaitForCompletionAsync(
            session.Id, new WaitOptions { Timeout = Generous, UseRealtime = false, PollInterval = TimeSpan.FromMilliseconds(200), OnProgress = updates.Enqueue });

        done.IsFinal.Should().BeTrue();
        updates.Select(u => u.Sequence).Should().StartWith(1L).And.BeInAscendingOrder().And.OnlyHaveUniqueItems();
        updates.Last().Data.Status.Should().Be(done.Status);
        (await client.Sessions.GetEventsAsync(session.Id)).Select(u => u.Sequence).Should().StartWith(updates.Select(u => u.Sequence));
    }

    [Fact]
    public async Task Listing_walks_every_page_through_the_cursor_and_filters_by_updated_since()
    {
        var key = await server.CreateApiKeyAsync(null);
        using var client = Client(key);
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.Sessions.CreateAsync(new CreateSessionRequest($"Paging cue {i}", "dowsing"))).Id);
        }

        var all = new List<Session>();
        await foreach (var session in client.Sessions.ListAsync(new SessionListOptions { PageSize = 2 }))
        {
            all.Add(session);
        }

        all.Select(s => s.Id).Should().OnlyHaveUniqueItems().And.Contain(created);
        all.Select(s => s.Id).Where(created.Contains).Should().Equal(Enumerable.Reverse(created), "lists are newest first");

        var recent = new List<Guid>();
        await foreach (var session in client.Sessions.ListAsync(new SessionListOptions { PageSize = 3, UpdatedSince = before }))
        {
            recent.Add(session.Id);
        }

        recent.Should().Contain(created);
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_throws_TimeoutException_while_the_session_goes_on()
    {
        using var client = Client(server.ApiKey);
        var session = await client.Sessions.CreateAsync(new CreateSessionRequest($"A slow harbour at night ({Guid.NewGuid():N})", "remote_viewing"));

        await FluentActions.Awaiting(() => client.Sessions.WaitForCompletionAsync(session.Id, new WaitOptions { Timeout = TimeSpan.FromMilliseconds(300) }))
            .Should().ThrowAsync<TimeoutException>().WithMessage($"*{session.Id}*");

        (await client.Sessions.WaitForCompletionAsync(session.Id, new WaitOptions { Timeout = Generous })).IsFinal.Should().BeTrue();
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_session()
    {
        using var client = Client(server.ApiKey);
        var key = Guid.NewGuid().ToString("N");
        var request = new CreateSessionRequest("Twice sent, once made", "precognition");

        var first = await client.Sessions.CreateAsync(request, key);
        var second = await client.Sessions.CreateAsync(request, key);

        second.Id.Should().Be(first.Id);
    }

    [Fact]
    public async Task Errors_arrive_as_typed_problem_details()
    {
        using var client = Client(server.ApiKey);

        var missing = await FluentActions.Awaiting(() => client.Sessions.GetAsync(Guid.NewGuid())).Should().ThrowAsync<MindPeekerApiException>();
        missing.Which.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Which.Problem!.RequestId.Should().StartWith("req_");

        var invalid = await FluentActions.Awaiting(() => client.Sessions.CreateAsync(new CreateSessionRequest(string.Empty, "remote_viewing"))).Should().ThrowAsync<MindPeekerApiException>();
        invalid.Which.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        invalid.Which.Problem!.Errors.Should().ContainKey("cue");
    }

    [Fact]
    public async Task Subscribing_to_someone_elses_or_a_missing_session_is_refused_by_the_hub()
    {
        using var client = Client(server.ApiKey);

        await FluentActions.Awaiting(() => client.Sessions.SubscribeAsync(Guid.NewGuid(), _ => { }))
            .Should().ThrowAsync<MindPeekerApiException>().WithMessage("*Session not found*");
    }

    private MindPeekerClient Client(string apiKey) =>
        new(new MindPeekerClientOptions { BaseAddress = server.BaseAddress, ApiKey = apiKey });
}
