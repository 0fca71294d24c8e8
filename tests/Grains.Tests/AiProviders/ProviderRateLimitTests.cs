using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Grains.AiProviders;
using MindPeeker.TestSupport;
using MindPeeker.TestSupport.OpenAiFake;
using static MindPeeker.Grains.Tests.AiProviders.ProviderSilo;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>429 handling, budgets and circuit breakers, with time driven by a fake clock.</summary>
public sealed class ProviderRateLimitTests : ProviderTestContext
{
    private readonly FakeTimeProvider _time = new();
    [Fact]
    public async Task Rate_limited_model_is_left_alone_until_its_retry_after_while_the_fallback_answers()
    {
        Fake.Enqueue(ModelA, FakeReply.RateLimited(TimeSpan.FromSeconds(30)));
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        Fake.SetDefault(ModelB, FakeReply.Finding("visual", 0.8, new { label = "b" }));
        await using var silo = await StartAsync(Database, Fake, _time);

        (await silo.Provider.AnalyzeAsync(Input("first"), CancellationToken.None)).Model.Name.Should().Be(ModelB);
        _time.Advance(TimeSpan.FromSeconds(29));
        (await silo.Provider.AnalyzeAsync(Input("second"), CancellationToken.None)).Model.Name.Should().Be(ModelB);
        Fake.RequestsFor(ModelA).Should().HaveCount(1, "the model said to retry after 30 s");

        _time.Advance(TimeSpan.FromSeconds(1));
        (await silo.Provider.AnalyzeAsync(Input("third"), CancellationToken.None)).Model.Name.Should().Be(ModelA);
        Fake.RequestsFor(ModelA).Should().HaveCount(2);
    }

    [Fact]
    public async Task Rate_limited_model_without_retry_after_waits_the_configured_sixty_seconds()
    {
        Fake.Enqueue(ModelA, FakeReply.RateLimited());
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        Fake.SetDefault(ModelB, FakeReply.Finding("visual", 0.8, new { label = "b" }));
        await using var silo = await StartAsync(Database, Fake, _time);

        (await silo.Provider.AnalyzeAsync(Input("first"), CancellationToken.None)).Model.Name.Should().Be(ModelB);
        _time.Advance(TimeSpan.FromSeconds(59));
        (await silo.Provider.AnalyzeAsync(Input("second"), CancellationToken.None)).Model.Name.Should().Be(ModelB);
        _time.Advance(TimeSpan.FromSeconds(1));
        (await silo.Provider.AnalyzeAsync(Input("third"), CancellationToken.None)).Model.Name.Should().Be(ModelA);
        silo.Logs.Entries.Should().Contain(e => e.EventId == 6202 && e.Message.Contains(ModelA) && e.Message.Contains("60 s"));
    }

    [Fact]
    public async Task When_every_model_is_rate_limited_the_request_waits_for_the_first_to_come_back()
    {
        Fake.Enqueue(ModelA, FakeReply.RateLimited(TimeSpan.FromSeconds(10)), FakeReply.Finding("visual", 0.9, new { label = "a" }));
        Fake.Enqueue(ModelB, FakeReply.RateLimited(TimeSpan.FromSeconds(20)));
        Fake.Enqueue(ModelC, FakeReply.RateLimited(TimeSpan.FromSeconds(30)));
        await using var silo = await StartAsync(Database, Fake, _time);
        var waiting = silo.Logs.Next(6205);

        var analysis = silo.Provider.AnalyzeAsync(Input("queued"), CancellationToken.None);
        await waiting;
        analysis.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(10));

        (await analysis.WaitAsync(TimeSpan.FromSeconds(30))).Model.Name.Should().Be(ModelA);
        Fake.Requests.Select(r => r.Model).Should().Equal(ModelA, ModelB, ModelC, ModelA);
    }

    [Fact]
    public async Task Requests_beyond_the_requests_per_minute_budget_wait_for_the_window()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        await using var silo = await StartAsync(Database, Fake, _time, new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:RequestsPerMinute"] = "2",
        });
        await silo.Provider.AnalyzeAsync(Input("one"), CancellationToken.None);
        await silo.Provider.AnalyzeAsync(Input("two"), CancellationToken.None);
        var waiting = silo.Logs.Next(6208);

        var third = silo.Provider.AnalyzeAsync(Input("three"), CancellationToken.None);
        await waiting;
        Fake.Requests.Should().HaveCount(2);
        third.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(60));

        (await third.WaitAsync(TimeSpan.FromSeconds(30))).Model.Name.Should().Be(ModelA);
        Fake.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task Requests_beyond_the_tokens_per_minute_budget_wait_for_the_window()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        await using var silo = await StartAsync(Database, Fake, _time, new Dictionary<string, string?>
        {
            // One request reserves about 1,300 tokens (its prompt plus max_tokens) and settles at what the answer used.
            ["AiProviders:Providers:fake:MaxOutputTokens"] = "1000",
            ["AiProviders:Providers:fake:TokensPerMinute"] = "1500",
        });
        await silo.Provider.AnalyzeAsync(Input("one"), CancellationToken.None);
        var waiting = silo.Logs.Next(6208);

        var second = silo.Provider.AnalyzeAsync(Input("two"), CancellationToken.None);
        await waiting;
        Fake.Requests.Should().HaveCount(1);
        _time.Advance(TimeSpan.FromSeconds(60));

        await second.WaitAsync(TimeSpan.FromSeconds(30));
        Fake.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_budget_wait_longer_than_the_queue_wait_fails_clearly()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        await using var silo = await StartAsync(Database, Fake, _time, new Dictionary<string, string?>
        {
            ["AiProviders:Providers:fake:RequestsPerMinute"] = "1",
            ["AiProviders:Providers:fake:MaxQueueWait"] = "00:00:10",
        });
        await silo.Provider.AnalyzeAsync(Input("one"), CancellationToken.None);

        var act = () => silo.Provider.AnalyzeAsync(Input("two"), CancellationToken.None);

        (await act.Should().ThrowAsync<AiBudgetExhaustedException>()).Which.Message.Should().Contain("'fake' has no budget left");
        Fake.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task A_model_whose_circuit_breaker_is_open_is_skipped()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.9, new { label = "a" }));
        Fake.SetDefault(ModelB, FakeReply.Finding("visual", 0.8, new { label = "b" }));
        await using var silo = await StartAsync(Database, Fake, _time);
        await silo.Grains.GetGrain<ICircuitBreakerGrain>($"ai:{ProviderName}:{ModelA}").Isolate(new CircuitBreakerActor(null, null, "127.0.0.1"));

        var finding = await silo.Provider.AnalyzeAsync(Input("guarded"), CancellationToken.None);

        finding.Model.Name.Should().Be(ModelB);
        Fake.RequestsFor(ModelA).Should().BeEmpty();
        silo.Logs.Entries.Should().Contain(e => e.EventId == 6203 && e.Message.Contains(ModelA) && e.Message.Contains("circuit open"));
    }
}
