using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;
using MindPeeker.Runtime.Tests.Grains;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Statistics;

/// <summary>Silo control in a single-silo host: the silo answers itself, errors come back as answers.</summary>
public sealed class SiloControlTests
{
    [Fact]
    public async Task A_single_silo_answers_its_own_dashboard_report()
    {
        await using var silo = await StartAsync();
        await silo.GrainFactory.GetGrain<IStatisticsProbeGrain>(1).Work(3);

        var answers = await Control(silo).AskAllAsync(DashboardControlNames.Silo, default);

        answers.Should().ContainSingle();
        answers[0].Silo.Should().Be("local");
        answers[0].Answered.Should().BeTrue();
        var report = answers[0].Result!.Value.Deserialize<SiloDashboardReport>()!;
        report.Methods.Should().Contain(m => m.Method == "IStatisticsProbeGrain.Work" && m.Calls == 1);
        report.ActivationsByGrainType.Values.Sum().Should().BeGreaterThanOrEqualTo(1);
        report.Process.WorkingSetBytes.Should().BePositive();
        report.Process.ProcessorCount.Should().BePositive();
    }

    [Fact]
    public async Task An_unknown_handler_or_a_failing_one_answers_with_an_error()
    {
        await using var silo = await StartAsync(builder => builder.Services.AddSiloControlHandler<FailingHandler>());

        var unknown = await Control(silo).AskAllAsync("no.such.handler", default);
        var failing = await Control(silo).AskAllAsync(FailingHandler.HandlerName, default);

        unknown.Single().Should().Match<SiloControlAnswer>(a => a.Answered && a.Result == null && a.Error!.Contains("no.such.handler"));
        failing.Single().Should().Match<SiloControlAnswer>(a => a.Answered && a.Result == null && a.Error!.Contains("broken on purpose"));
    }

    [Fact]
    public async Task The_grain_inspector_reads_persistent_state_without_activating_anything()
    {
        await using var silo = await StartAsync();
        var grain = silo.GrainFactory.GetGrain<IPersistentCounterGrain>(Guid.NewGuid());
        await grain.Increment();
        await grain.Increment();
        var grainType = grain.GetGrainId().Type;
        var before = silo.Statistics.ActivationCount;

        var active = await InspectAsync(silo, grainType, grain.GetGrainId().Key);
        var absent = await InspectAsync(silo, grainType, Guid.NewGuid().ToString("D"));
        var badKey = await InspectAsync(silo, grainType, "not-a-guid");
        var unknownType = await InspectAsync(silo, "nosuchgrain", "1");

        active.Activated.Should().BeTrue();
        active.States["counter"]!.ToJsonString().Should().Be("""{"count":2}""");
        absent.Should().Match<GrainInspection>(i => i.KnownType && !i.Activated && i.KeyError == null && i.States.Count == 0);
        badKey.KeyError.Should().Contain("not a GUID");
        unknownType.KnownType.Should().BeFalse();
        silo.Statistics.ActivationCount.Should().Be(before, "inspecting must not activate grains");
    }

    private static async Task<GrainInspection> InspectAsync(TestSilo silo, string grainType, string key)
    {
        var answers = await Control(silo).AskAllAsync(DashboardControlNames.Grain, JsonSerializer.SerializeToElement(new GrainInspectionRequest(grainType, key)));
        return answers.Single().Result!.Value.Deserialize<GrainInspection>()!;
    }

    private static ISiloControl Control(TestSilo silo) => silo.Services.GetRequiredService<ISiloControl>();

    private static Task<TestSilo> StartAsync(Action<ISiloBuilder>? configure = null) =>
        TestSilo.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TestLedger>();
                builder.AddGrains(typeof(SiloControlTests).Assembly).AddMemoryGrainStorage();
                configure?.Invoke(builder);
            },
            new FakeTimeProvider());

    private sealed class FailingHandler : ISiloControlHandler
    {
        public const string HandlerName = "test.failing";

        public string Name => HandlerName;

        public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("broken on purpose");
    }
}
