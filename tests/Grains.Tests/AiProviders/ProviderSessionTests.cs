using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.TestSupport.OpenAiFake;
using Npgsql;
using static MindPeeker.Grains.Tests.AiProviders.ProviderSilo;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>Sessions of a provider-routed session type, end to end through the session grain.</summary>
public sealed class ProviderSessionTests : ProviderTestContext
{
    [Fact]
    public async Task A_provider_session_stores_the_answering_models_findings()
    {
        Fake.Enqueue(ModelA, FakeReply.ServerError());
        Fake.SetDefault(ModelB, FakeReply.Finding("visual", 0.83, new { label = "lighthouse" }));
        await using var silo = await StartAsync(Database, Fake);
        var owner = await Database.CreateUserAsync();
        var id = Guid.NewGuid();

        await silo.Grains.GetGrain<ISessionGrain>(id).Create(new CreateSession(owner, "A lighthouse on a cliff", "remote_viewing", new SessionParameters(0.8, ["visual"]), null));
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);

        await using var query = Database.DataSource.CreateCommand(
            "SELECT result_type, confidence_score, meets_threshold, model_name, data->>'label' FROM analysis_results WHERE session_id = $1");
        query.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var row = await query.ExecuteReaderAsync();
        (await row.ReadAsync()).Should().BeTrue();
        (row.GetString(0), row.GetDecimal(1), row.GetBoolean(2), row.GetString(3), row.GetString(4))
            .Should().Be(("visual", 0.83m, true, ModelB, "lighthouse"));
        (await row.ReadAsync()).Should().BeFalse();
    }

    [Fact]
    public async Task A_session_whose_every_model_fails_fails_naming_each_failure()
    {
        Fake.SetDefault(ModelA, FakeReply.ServerError());
        Fake.SetDefault(ModelB, FakeReply.RateLimited(TimeSpan.FromMinutes(5)));
        Fake.SetDefault(ModelC, FakeReply.Content("not json"));
        await using var silo = await StartAsync(Database, Fake);
        var owner = await Database.CreateUserAsync();
        var id = Guid.NewGuid();

        await silo.Grains.GetGrain<ISessionGrain>(id).Create(new CreateSession(owner, "anything", "remote_viewing", new SessionParameters(0.5, ["visual"]), null));
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Failed);

        var session = await silo.Grains.GetGrain<ISessionGrain>(id).Get(new SessionAccess(owner, IsAdmin: false));
        session!.Status.Should().Be(SessionStatus.Failed);
        session.Error.Should().Contain("Analysis 'visual' failed: AI provider 'fake' could not answer")
            .And.Contain($"{ModelA}: HTTP 500")
            .And.Contain($"{ModelB}: rate limited (429, Retry-After 300 s)")
            .And.Contain($"{ModelC}: malformed output (content is not JSON)");
    }
}
