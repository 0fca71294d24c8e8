using MindPeeker.Grains.Abstractions.Analysis;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.AiProviders;
using MindPeeker.Grains.Caching;
using MindPeeker.TestSupport.OpenAiFake;
using static MindPeeker.Grains.Tests.AiProviders.ProviderSilo;

namespace MindPeeker.Grains.Tests.AiProviders;

/// <summary>Routing per session type (local, provider, local then provider) through the two-level cache.</summary>
public sealed class AnalysisRouterTests : ProviderTestContext
{
    [Fact]
    public async Task Provider_session_type_asks_the_provider_once_for_identical_cues()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("visual", 0.91, new { label = "bridge" }));
        await using var silo = await StartAsync(Database, Fake);

        var first = await silo.Router.AnalyzeAsync(Input("A stone bridge\nover a river"), CancellationToken.None);
        var second = await silo.Router.AnalyzeAsync(Input("  A stone bridge over   a river "), CancellationToken.None);

        first.Model.Name.Should().Be(ModelA);
        second.Should().BeEquivalentTo(first, options => options.Excluding(f => f.Data));
        second.Data.GetProperty("label").GetString().Should().Be("bridge");
        Fake.Requests.Should().ContainSingle("the second answer comes from the cache");
        silo.CacheMetrics.HitRatio.Should().Be(0.5);
    }

    [Fact]
    public async Task Local_session_type_runs_the_local_model_and_caches_its_result()
    {
        await using var silo = await StartAsync(Database, Fake);
        var input = new AnalysisInput("precognition", "next spring", "temporal", 0.5);

        var first = await silo.Router.AnalyzeAsync(input, CancellationToken.None);
        var second = await silo.Router.AnalyzeAsync(input, CancellationToken.None);

        first.Model.Name.Should().NotBe(ModelA).And.NotBeNullOrEmpty();
        first.Data.TryGetProperty("model_outputs", out _).Should().BeTrue("the local model wrote this finding");
        second.ConfidenceScore.Should().Be(first.ConfidenceScore);
        silo.CacheMetrics.Hits.Should().Be(1);
        Fake.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Local_then_provider_asks_the_provider_only_when_the_local_finding_misses_the_threshold()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("yes_no", 0.97, new { answer = "yes" }));
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:SessionTypes:dowsing:Mode"] = AnalysisModes.LocalThenProvider,
            ["AiProviders:SessionTypes:dowsing:Provider"] = ProviderName,
        });

        var local = await silo.Router.AnalyzeAsync(new AnalysisInput("dowsing", "is the key in the house?", "yes_no", 0), CancellationToken.None);
        Fake.Requests.Should().BeEmpty("the local finding met a threshold of 0");
        var strict = (double)local.ConfidenceScore + 0.0001;
        var escalated = await silo.Router.AnalyzeAsync(new AnalysisInput("dowsing", "is the key in the house?", "yes_no", strict), CancellationToken.None);

        local.Model.Name.Should().NotBe(ModelA);
        escalated.Model.Name.Should().Be(ModelA);
        escalated.ConfidenceScore.Should().Be(0.97m);
        Fake.Requests.Should().ContainSingle().Which.Messages[1].Content.Should().Be("is the key in the house?");
    }

    [Fact]
    public async Task Cache_keys_of_an_input_name_exactly_the_entries_the_router_cached_for_it_in_each_mode()
    {
        Fake.SetDefault(ModelA, FakeReply.Finding("yes_no", 0.97, new { answer = "yes" }));
        await using var silo = await StartAsync(Database, Fake, settings: new Dictionary<string, string?>
        {
            ["AiProviders:SessionTypes:dowsing:Mode"] = AnalysisModes.LocalThenProvider,
            ["AiProviders:SessionTypes:dowsing:Provider"] = ProviderName,
        });
        var escalating = new AnalysisInput("dowsing", "is the key in the house?", "yes_no", 1.0);
        var providerOnly = Input("A stone bridge", "yes_no");
        var unused = Input("A cue nobody sent");

        await silo.Router.AnalyzeAsync(escalating, CancellationToken.None);
        await silo.Router.AnalyzeAsync(providerOnly, CancellationToken.None);
        var cache = silo.Services.GetRequiredService<TwoLevelCache>();

        var escalatingKeys = silo.Router.CacheKeysOf(escalating);
        escalatingKeys.Select(k => k.Kind).Should().Equal(CacheKey.InferenceKind, CacheKey.PromptKind);
        silo.Router.CacheKeysOf(providerOnly).Select(k => k.Kind).Should().Equal(CacheKey.PromptKind);
        foreach (var key in escalatingKeys.Concat(silo.Router.CacheKeysOf(providerOnly)))
        {
            (await cache.Memory.GetAsync(key.ToString(), CancellationToken.None)).Should().NotBeNull("the router cached under {0}", key.Kind);
        }

        (await cache.Memory.GetAsync(silo.Router.CacheKeysOf(unused).Single().ToString(), CancellationToken.None)).Should().BeNull();
    }
}
