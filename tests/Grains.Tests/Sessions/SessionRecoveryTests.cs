using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>
/// Crashes between grain state and PostgreSQL, and silo restarts. The first silo runs on a fake
/// clock, so its pipeline moves only when the test advances it; the second on the real clock.
/// </summary>
public sealed class SessionRecoveryTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task A_session_whose_first_update_never_reached_PostgreSQL_is_healed_by_its_next_activation()
    {
        var owner = await OwnerAsync();
        var id = Guid.NewGuid();
        await using (var first = await SessionSilo.StartAsync(database, new FakeTimeProvider()))
        {
            await database.RefuseEventsAsync(id, fromSequence: 1);

            var created = await first.Session(id).Create(Command(owner));

            created.Session!.Status.Should().Be(SessionStatus.Pending);
            (await database.ReadModelAsync(id)).Should().BeNull("the read model and the event are written in one transaction");
            first.Updates.Of(id).Should().BeEmpty();
        }

        await database.AcceptEventsAgainAsync();
        await using var second = await SessionSilo.StartAsync(database);

        (await second.Session(id).Get(new SessionAccess(owner, false)))!.LastSequence.Should().BeGreaterThanOrEqualTo(1);
        await second.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        second.Updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4, 5);
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Completed, 5L, false));
    }

    [Fact]
    public async Task Updates_refused_mid_way_are_replayed_exactly_once_and_earlier_ones_are_not_repeated()
    {
        var owner = await OwnerAsync();
        var access = new SessionAccess(owner, false);
        var id = Guid.NewGuid();
        var time = new FakeTimeProvider();
        await using (var first = await SessionSilo.StartAsync(database, time))
        {
            await first.Session(id).Create(Command(owner));
            time.Advance(TimeSpan.Zero);
            await first.Updates.WaitForEventAsync(id, SessionEvents.Started);
            await database.RefuseEventsAsync(id, fromSequence: 3);

            var updated = await first.Session(id).UpdateMetadata(access, JsonDocument.Parse("""{"label":"kept"}""").RootElement);
            var cancelled = await first.Session(id).Cancel(access);

            updated!.LastSequence.Should().Be(3);
            cancelled!.Status.Should().Be(SessionStatus.Cancelled);
            (await database.EventsAsync(id)).Select(e => e.Sequence).Should().Equal(1, 2);
        }

        await database.AcceptEventsAgainAsync();
        await using var second = await SessionSilo.StartAsync(database);

        var session = await second.Session(id).Get(access);

        session!.Status.Should().Be(SessionStatus.Cancelled);
        session.Metadata!.Value.GetProperty("label").GetString().Should().Be("kept");
        var events = await database.EventsAsync(id);
        events.Select(e => (e.Sequence, e.Event)).Should().Equal((1, "created"), (2, "started"), (3, "updated"), (4, "cancelled"));
        second.Updates.Of(id).Select(u => u.Sequence).Should().Equal(3, 4);
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Cancelled, 4L, false));
    }

    [Fact]
    public async Task A_session_interrupted_by_a_restart_resumes_on_the_next_silo_and_completes()
    {
        var owner = await OwnerAsync();
        var id = Guid.NewGuid();
        var time = new FakeTimeProvider();
        await using (var first = await SessionSilo.StartAsync(database, time))
        {
            await first.Session(id).Create(Command(owner));
            time.Advance(TimeSpan.Zero);
            await first.Updates.WaitForEventAsync(id, SessionEvents.Started);
        }

        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Processing, 2L, false));
        await using var second = await SessionSilo.StartAsync(database);

        await second.Recovered;
        await second.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        second.Updates.Of(id).Select(u => u.Sequence).Should().Equal(3, 4, 5);
        (await database.ResultTypesAsync(id)).Should().Equal("yes_no", "location");
    }

    [Fact]
    public async Task Cancelling_while_processing_stops_the_analysis()
    {
        var owner = await OwnerAsync();
        var access = new SessionAccess(owner, false);
        var id = Guid.NewGuid();
        var time = new FakeTimeProvider();
        await using var silo = await SessionSilo.StartAsync(database, time);
        await silo.Session(id).Create(Command(owner));
        time.Advance(TimeSpan.Zero);
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Started);

        var cancelled = await silo.Session(id).Cancel(access);
        time.Advance(TimeSpan.FromSeconds(10));

        // Queued behind any tick the advance fired, so such a tick has made its decision first.
        var after = await silo.Session(id).UpdateMetadata(access, JsonDocument.Parse("{}").RootElement);

        cancelled!.Status.Should().Be(SessionStatus.Cancelled);
        cancelled.CompletedAt.Should().NotBeNull();
        after!.ResultCount.Should().Be(0);
        (await database.EventsAsync(id)).Select(e => e.Event).Should().Equal("created", "started", "cancelled", "updated");
        (await database.ResultTypesAsync(id)).Should().BeEmpty();
    }

    private async Task<Guid> OwnerAsync()
    {
        // Migrations run with the first silo of the class; a throwaway silo makes sure they did.
        await using (await SessionSilo.StartAsync(database))
        {
        }

        return await database.CreateUserAsync();
    }

    private static CreateSession Command(Guid owner) =>
        new(owner, "Is the key in the kitchen?", "dowsing", new SessionParameters(0.5, []), null);
}
