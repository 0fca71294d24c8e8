using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Benchmarks.Hosting;
using MindPeeker.Grains;
using MindPeeker.Grains.Persistence;
using MindPeeker.Grains.Resilience;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Storage;
using MindPeeker.Runtime.Storage.PostgreSql;

namespace MindPeeker.Benchmarks.BreakerOverhead;

/// <summary>
/// <c>breaker-overhead</c>: what <see cref="DependencyGuard"/> adds to a call in the closed state. The same trivial
/// async operation (an already completed <c>Task&lt;int&gt;</c>) runs directly and through the guard, in the same
/// silo and run; the difference is the cached-state check, the bulkhead lease and the outcome counting (reports
/// to the breaker grains go out once per second in the background). Phases: one caller on one dependency, and 16
/// callers spread over 100 dependencies.
/// </summary>
internal static class BreakerOverheadScenario
{
    private const int Dependencies = 100;
    private const int LoadedCallers = 16;

    public static async Task<int> RunAsync(TimeSpan duration, TimeSpan warmup)
    {
        await using var database = await BenchmarkDatabase.CreateAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(_ => PostgreSqlDataSources.Create(database.ConnectionString));
        builder.UseSilo(silo =>
        {
            silo.AddGrains(typeof(GrainsAssembly).Assembly);
            silo.AddPostgreSqlGrainStorage(GrainStorageNames.Default, options => options.ConnectionString = database.ConnectionString);
            silo.Services.AddSchemaMigrations(MindPeekerSchema.Migrations);
            silo.AddCircuitBreakers();
        });
        builder.Services.AddLogging();
        using var host = builder.Build();
        await host.StartAsync();
        var guard = host.Services.GetRequiredService<DependencyGuard>();
        var names = Enumerable.Range(0, Dependencies).Select(i => $"webhook:bench-{i}").ToArray();
        var completed = Task.FromResult(200);
        Func<CancellationToken, Task<int>> operation = _ => completed;
        Func<int, bool> isFailure = status => status >= 500;

        Func<int, long, ValueTask> direct = async (_, _) => await operation(CancellationToken.None);
        Func<int, long, ValueTask> guarded = async (caller, sequence) =>
            await guard.ExecuteAsync(names[(int)((caller + (sequence * LoadedCallers)) % Dependencies)], operation, isFailure, CancellationToken.None);
        Func<int, long, ValueTask> guardedOne = async (_, _) => await guard.ExecuteAsync(names[0], operation, isFailure, CancellationToken.None);

        Console.WriteLine($"breaker-overhead: {Dependencies} dependencies, {duration.TotalSeconds:0} s per phase after {warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        await ClosedLoopLoad.RunAsync(LoadedCallers, warmup, direct);
        await ClosedLoopLoad.RunAsync(LoadedCallers, warmup, guarded);
        var single = await AddedLatency.MeasureAsync("1 caller, 1 dependency", "the breaker guard", 1, direct, guardedOne, duration);
        var loaded = await AddedLatency.MeasureAsync($"{LoadedCallers} callers, {Dependencies} dependencies", "the breaker guard", LoadedCallers, direct, guarded, duration);
        await host.StopAsync();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT breaker-overhead p50_us={single.P50:0.00} p99_us={single.P99:0.00} loaded_p50_us={loaded.P50:0.00} loaded_p99_us={loaded.P99:0.00} guarded_calls_per_sec={loaded.With.CallsPerSecond:0} alloc_bytes_per_call={loaded.With.AllocatedBytesPerCall - loaded.Without.AllocatedBytesPerCall:0} target_p99_us=50"));
        return single.P99 < 50 ? 0 : 1;
    }



}
