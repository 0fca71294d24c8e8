using System.Text.Json;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Analysis;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Sessions;

public sealed class SessionGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private SessionSilo _silo = null!;
    private Guid _owner;

    public async Task InitializeAsync()
    {
        _silo = await SessionSilo.StartAsync(database);
        _owner = await database.CreateUserAsync();
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_session_runs_every_stage_to_completed_with_one_result_per_analysis_type()
    {
        var id = Guid.NewGuid();

        var created = await _silo.Session(id).Create(Command("dowsing", "Is the key in the kitchen?"));
        await _silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        created.Session!.Status.Should().Be(SessionStatus.Pending);
        created.Session.Parameters.AnalysisTypes.Should().Equal(AnalysisTypes.BySessionType["dowsing"]);
        var session = await _silo.Session(id).Get(new SessionAccess(_owner, IsAdmin: false));
        session!.Status.Should().Be(SessionStatus.Completed);
        session.Progress.Should().Be(100);
        session.ResultCount.Should().Be(2);
        session.StartedAt.Should().NotBeNull();
        session.CompletedAt.Should().BeOnOrAfter(session.StartedAt!.Value);
        var events = await database.EventsAsync(id);
        events.Select(e => e.Event).Should().Equal("created", "started", "result", "result", "completed");
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        events.Select(e => e.Progress).Should().Equal(0, 5, 50, 95, 100);
        (await database.ResultTypesAsync(id)).Should().Equal("yes_no", "location");
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Completed, 5L, false));
        _silo.Updates.Of(id).Select(u => u.Sequence).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task Requested_analysis_types_run_in_the_given_order_and_only_those()
    {
        var id = Guid.NewGuid();

        await _silo.Session(id).Create(Command("remote_viewing", "A lighthouse on a cliff", "spatial", "visual"));
        await _silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        (await database.ResultTypesAsync(id)).Should().Equal("spatial", "visual");
    }

    [Fact]
    public async Task An_analysis_type_the_session_types_model_lacks_is_refused_and_nothing_is_created()
    {
        var id = Guid.NewGuid();

        var refused = await _silo.Session(id).Create(Command("precognition", "Next spring", "temporal", "spatial"));

        refused.Session.Should().BeNull();
        refused.Errors.Should().ContainKey("parameters.analysis_types")
            .WhoseValue.Single().Should().Contain("'precognition'").And.Contain("spatial");
        (await _silo.Session(id).Get(new SessionAccess(_owner, false))).Should().BeNull();
        (await database.ReadModelAsync(id)).Should().BeNull();
    }

    [Fact]
    public async Task An_analysis_the_engine_refuses_fails_the_session_with_its_reason()
    {
        var id = Guid.NewGuid();

        // The API never lets a threshold over 1 through; the engine refusing it is a real failure of a stage.
        await _silo.Session(id).Create(Command("dowsing", "Is it raining?") with { Parameters = new SessionParameters(1.5, ["yes_no"]) });
        await _silo.Updates.WaitForEventAsync(id, SessionEvents.Failed);

        var session = await _silo.Session(id).Get(new SessionAccess(_owner, IsAdmin: false));
        session!.Status.Should().Be(SessionStatus.Failed);
        session.Error.Should().StartWith("Analysis 'yes_no' failed:").And.Contain("threshold");
        session.CompletedAt.Should().NotBeNull();
        (await database.EventsAsync(id)).Select(e => e.Event).Should().Equal("created", "started", "failed");
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Failed, 3L, false));
        (await database.ResultTypesAsync(id)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_user_does_not_see_the_session_but_an_admin_does()
    {
        var id = Guid.NewGuid();
        await _silo.Session(id).Create(Command("precognition", "Next spring"));
        var stranger = new SessionAccess(Guid.NewGuid(), IsAdmin: false);

        (await _silo.Session(id).Get(stranger)).Should().BeNull();
        (await _silo.Session(id).Cancel(stranger)).Should().BeNull();
        (await _silo.Session(id).Delete(stranger)).Should().BeFalse();
        (await _silo.Session(id).UpdateMetadata(stranger, JsonDocument.Parse("{}").RootElement)).Should().BeNull();
        (await _silo.Session(id).Get(new SessionAccess(Guid.NewGuid(), IsAdmin: true)))!.UserId.Should().Be(_owner);
    }

    [Fact]
    public async Task Concurrent_changes_get_one_gapless_sequence_in_the_log_and_in_what_is_published()
    {
        var id = Guid.NewGuid();
        var owner = new SessionAccess(_owner, false);
        await _silo.Session(id).Create(Command("remote_viewing", "A red door"));

        var changes = Enumerable.Range(0, 20)
            .Select(i => _silo.Session(id).UpdateMetadata(owner, JsonDocument.Parse($$"""{"n":{{i}}}""").RootElement))
            .Append(_silo.Session(id).Cancel(owner));
        await Task.WhenAll(changes);
        var last = (await _silo.Session(id).Get(owner))!.LastSequence;
        await _silo.Updates.WaitForAsync(id, u => u.Sequence == last);

        var events = await database.EventsAsync(id);
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, (int)last).Select(i => (long)i));
        events.Count(e => e.Event == SessionEvents.Updated).Should().Be(20);
        events.Should().ContainSingle(e => e.Event == SessionEvents.Cancelled);
        events.SkipWhile(e => e.Event != SessionEvents.Cancelled).Should().OnlyContain(e => e.Status == SessionStatus.Cancelled);
        _silo.Updates.Of(id).Select(u => u.Sequence).Should().Equal(events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Cancelling_a_final_session_leaves_it_unchanged()
    {
        var id = Guid.NewGuid();
        var owner = new SessionAccess(_owner, false);
        await _silo.Session(id).Create(Command("dowsing", "Where is the cat?"));
        await _silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        var after = await _silo.Session(id).Cancel(owner);

        after!.Status.Should().Be(SessionStatus.Completed);
        after.LastSequence.Should().Be(5);
        (await database.EventsAsync(id)).Should().HaveCount(5);
    }

    [Fact]
    public async Task Deleting_a_session_hides_it_and_marks_the_read_model_row()
    {
        var id = Guid.NewGuid();
        var owner = new SessionAccess(_owner, false);
        await _silo.Session(id).Create(Command("dowsing", "Where is the cat?"));
        await _silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        (await _silo.Session(id).Delete(owner)).Should().BeTrue();

        (await _silo.Session(id).Get(owner)).Should().BeNull();
        (await _silo.Session(id).Delete(owner)).Should().BeFalse();
        (await database.ReadModelAsync(id)).Should().Be((SessionStatus.Completed, 6L, true));
        (await database.EventsAsync(id))[^1].Event.Should().Be(SessionEvents.Deleted);
    }

    [Fact]
    public async Task Creating_an_existing_session_again_returns_it_unchanged()
    {
        var id = Guid.NewGuid();
        var first = await _silo.Session(id).Create(Command("dowsing", "First cue"));

        var again = await _silo.Session(id).Create(Command("dowsing", "Second cue"));

        again.Session!.Cue.Should().Be("First cue");
        again.Session.CreatedAt.Should().Be(first.Session!.CreatedAt);
    }

    private CreateSession Command(string sessionType, string cue, params string[] analysisTypes) =>
        new(_owner, cue, sessionType, new SessionParameters(0.5, analysisTypes), JsonDocument.Parse("""{"source":"test"}""").RootElement);
}
