using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Filters;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Tests.Grains;
using MindPeeker.TestSupport;

namespace MindPeeker.Runtime.Tests.Runtime;

/// <summary>A started silo with this assembly's test grains, memory storage, a ledger and a fake clock.</summary>
internal sealed class RuntimeTestSilo : IAsyncDisposable
{
    private readonly TestSilo _silo;

    private RuntimeTestSilo(TestSilo silo, FakeTimeProvider time)
    {
        _silo = silo;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public IGrainFactory Grains => _silo.GrainFactory;

    public TestLedger Ledger => _silo.Services.GetRequiredService<TestLedger>();

    public SiloStatistics Statistics => _silo.Statistics;

    public ActivationCollector Collector => _silo.Services.GetRequiredService<Silo>().Collector;

    public ActivationCatalog Catalog => _silo.Services.GetRequiredService<SiloRuntime>().Catalog;

    public static async Task<RuntimeTestSilo> StartAsync(Action<ISiloBuilder>? configure = null)
    {
        var time = new FakeTimeProvider();
        var silo = await TestSilo.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<TestLedger>();
                builder.AddGrains(typeof(RuntimeTestSilo).Assembly).AddMemoryGrainStorage();
                configure?.Invoke(builder);
            },
            time);
        return new RuntimeTestSilo(silo, time);
    }

    public ActivationData Activation(IAddressable grain)
    {
        Catalog.TryGetActivation(grain.GetGrainId(), out var activation).Should().BeTrue($"{grain.GetGrainId()} should be active");
        return activation!;
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}

internal sealed class CountingFilter(TestLedger ledger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ledger.Record($"filter-before:{context.InterfaceMethod.MethodName}");
        await context.Invoke();
        ledger.Record($"filter-after:{context.InterfaceMethod.MethodName}:{context.Result}");
    }
}
