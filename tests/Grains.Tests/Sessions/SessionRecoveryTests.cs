using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Sessions;

/// <summary>
/// Writes PostgreSQL refuses (a trigger stands in for an outage), and silo restarts. A silo on a
/// fake clock moves its pipeline only when the test advances it; the others run on the real clock.
/// </summary>
public sealed class SessionRecoveryTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    // SessionLog.StageWriteFailed: PostgreSQL refused a pipeline stage's write, which runs again later.
    private const int StageWriteFailedEventId = 5010;

    // SessionLog.WatchdogResumed: a watchdog reminder tick found the session unfinished and resumed it.
    private const int WatchdogResumedEventId = 5012;

    [Fact]
    public async Task A_create_PostgreSQL_refuses_records_nothing_and_succeeds_once_when_tried_again()
    {
        var owner = await OwnerAsync();
        var access = new SessionAccess(owner, false);
        var id = Guid.NewGuid();
        await using var silo = await SessionSilo.StartAsync(database);
        await database.RefuseEventsAsync(id, fromSequence: 1);

        var refused = () => silo.Session(id).Create(Command(owner));

        await refused.Should().ThrowAsync<PostgresException>();
        (await silo.Session(id).Get(access)).Should().BeNull("a refused write records nothing");
        (await database.ReadModelAsync(id)).Should().BeNull("the row and its event are written as one");
        silo.Updates.Of(id).Should().BeEmpty();

        await database.AcceptEventsAgainAsync();
        var created = await silo.Session(id).Create(Command(owner));
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        created.Session!.LastSequence.Should().Be(1);
        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        silo.Updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4, 5);
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Completed, 5L, false));
    }

    [Fact]
    public async Task Changes_PostgreSQL_refuses_are_not_recorded_and_each_retry_is_applied_exactly_once()
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

            var update = () => first.Session(id).UpdateMetadata(access, JsonDocument.Parse("""{"label":"kept"}""").RootElement);
            var cancel = () => first.Session(id).Cancel(access);

            await update.Should().ThrowAsync<PostgresException>();
            await cancel.Should().ThrowAsync<PostgresException>();
            var unchanged = await first.Session(id).Get(access);
            unchanged!.Status.Should().Be(SessionStatus.Processing);
            unchanged.LastSequence.Should().Be(2);
            unchanged.Metadata.Should().BeNull();
            (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Processing, 2L, false));
            (await database.EventsAsync(id)).Select(e => e.Sequence).Should().Equal(1, 2);

            await database.AcceptEventsAgainAsync();
            var updated = await update();
            var cancelled = await cancel();

            updated!.LastSequence.Should().Be(3);
            cancelled!.Status.Should().Be(SessionStatus.Cancelled);
            cancelled.LastSequence.Should().Be(4);
            first.Updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4);
        }

        // The next activation knows the session from its row alone.
        await using var second = await SessionSilo.StartAsync(database);

        var session = await second.Session(id).Get(access);

        session!.Status.Should().Be(SessionStatus.Cancelled);
        session.LastSequence.Should().Be(4);
        session.Metadata!.Value.GetProperty("label").GetString().Should().Be("kept");
        var events = await database.EventsAsync(id);
        events.Select(e => (e.Sequence, e.Event)).Should().Equal((1, "created"), (2, "started"), (3, "updated"), (4, "cancelled"));
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Cancelled, 4L, false));
    }

    [Fact]
    public async Task A_stage_PostgreSQL_refuses_is_run_again_after_a_delay_and_recorded_exactly_once()
    {
        var owner = await OwnerAsync();
        var id = Guid.NewGuid();
        await using var silo = await SessionSilo.StartAsync(database);
        await database.RefuseEventsAsync(id, fromSequence: 3);

        await silo.Session(id).Create(Command(owner));
        await silo.Logs.WaitForAsync(StageWriteFailedEventId, id);

        (await database.EventsAsync(id)).Select(e => e.Sequence).Should().Equal(1, 2);
        (await database.ResultTypesAsync(id)).Should().BeEmpty("the refused result was not recorded");
        (await silo.Session(id).Get(new SessionAccess(owner, false)))!.ResultCount.Should().Be(0);

        await database.AcceptEventsAgainAsync();
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        silo.Updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4, 5);
        (await database.ResultTypesAsync(id)).Should().Equal("yes_no", "location");
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Completed, 5L, false));
    }

    [Fact]
    public async Task A_change_over_a_row_written_elsewhere_reloads_it_and_takes_the_next_sequence()
    {
        var owner = await OwnerAsync();
        var access = new SessionAccess(owner, false);
        var id = Guid.NewGuid();
        await using var silo = await SessionSilo.StartAsync(database, new FakeTimeProvider());
        await silo.Session(id).Create(Command(owner));
        await database.WriteMetadataElsewhereAsync(id, """{"by":"elsewhere"}""");

        var cancelled = await silo.Session(id).Cancel(access);

        cancelled!.Status.Should().Be(SessionStatus.Cancelled);
        cancelled.LastSequence.Should().Be(3);
        cancelled.Metadata!.Value.GetProperty("by").GetString().Should().Be("elsewhere", "the write elsewhere is kept, not overwritten");
        (await database.EventsAsync(id)).Select(e => (e.Sequence, e.Event)).Should().Equal((1, "created"), (2, "updated"), (3, "cancelled"));
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Cancelled, 3L, false));
    }

    [Fact]
    public async Task A_session_whose_row_is_gone_answers_as_one_that_does_not_exist()
    {
        var owner = await OwnerAsync();
        var access = new SessionAccess(owner, false);
        var id = Guid.NewGuid();
        await using (var first = await SessionSilo.StartAsync(database, new FakeTimeProvider()))
        {
            await first.Session(id).Create(Command(owner));
        }

        await database.RemoveAsync(id);
        await using var second = await SessionSilo.StartAsync(database);

        (await second.Session(id).Get(access)).Should().BeNull();
        (await second.Session(id).Cancel(access)).Should().BeNull();
        (await second.Session(id).Resume()).Should().BeFalse();
        (await database.ReadModelAsync(id)).Should().BeNull("nothing is written for a session that does not exist");
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
    public async Task A_session_whose_silo_went_away_after_the_others_started_is_resumed_by_its_watchdog_reminder()
    {
        var owner = await OwnerAsync();
        var id = Guid.NewGuid();

        // The survivor's start-up scan is over before the session exists: only the reminder can bring it back.
        var survivorTime = new FakeTimeProvider();
        await using var survivor = await SessionSilo.StartAsync(database, survivorTime);
        await survivor.Recovered;
        var time = new FakeTimeProvider();
        await using (var first = await SessionSilo.StartAsync(database, time))
        {
            await first.Session(id).Create(Command(owner));
            time.Advance(TimeSpan.Zero);
            await first.Updates.WaitForEventAsync(id, SessionEvents.Started);
        }

        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Processing, 2L, false));
        var resumed = survivor.Logs.WaitForAsync(WatchdogResumedEventId, id);
        var completed = survivor.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        // The survivor's reminder service finds the reminder at its next refresh and delivers the tick, a refresh
        // period plus a watchdog period (1 minute each) later on its clock. The loop moves the clock faster than the
        // silo works, so only a loose bound holds here; the reminder tests pin tick times exactly.
        var start = survivorTime.GetUtcNow();
        while (!resumed.IsCompleted && survivorTime.GetUtcNow() - start < TimeSpan.FromMinutes(5))
        {
            survivorTime.Advance(TimeSpan.FromSeconds(1));
            await database.ReadModelAsync(id);
        }

        await resumed.WaitAsync(TimeSpan.FromSeconds(30));
        for (var step = 0; step < 600 && !completed.IsCompleted; step++)
        {
            survivorTime.Advance(TimeSpan.FromMilliseconds(10));
            await database.ReadModelAsync(id);
        }

        await completed.WaitAsync(TimeSpan.FromSeconds(30));
        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        (await database.ResultTypesAsync(id)).Should().Equal("yes_no", "location");
        (await ReminderCountAsync(id)).Should().Be(0, "a finished session removes its watchdog");
    }

    [Fact]
    public async Task A_running_session_has_a_watchdog_reminder_and_a_finished_one_has_none()
    {
        var owner = await OwnerAsync();
        var id = Guid.NewGuid();
        await using var silo = await SessionSilo.StartAsync(database);

        await silo.Session(id).Create(Command(owner));
        var registered = await ReminderCountAsync(id);
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        registered.Should().Be(1, "the watchdog is written before the create is acknowledged");
        for (var attempt = 0; attempt < 200 && await ReminderCountAsync(id) > 0; attempt++)
        {
            await silo.Session(id).Get(new SessionAccess(owner, false));
        }

        // The removal runs right after the completion is recorded; each Get queues behind it.
        (await ReminderCountAsync(id)).Should().Be(0);
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

    private async Task<long> ReminderCountAsync(Guid sessionId)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM reminders WHERE grain_id = @id AND reminder_name = 'session-watchdog'", connection);
        command.Parameters.AddWithValue("id", "session/" + sessionId.ToString("N"));
        return (long)(await command.ExecuteScalarAsync())!;
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
