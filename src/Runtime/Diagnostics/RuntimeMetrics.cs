using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Cluster;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.Runtime.Diagnostics;

/// <summary>
/// The silo's runtime instruments on the <c>MindPeeker.Runtime</c> meter, all observed when metrics are collected
/// (nothing runs per call beyond the statistics filter that feeds <see cref="GrainCallStatistics"/>):
/// <list type="bullet">
/// <item><c>grain_activations</c> (gauge, label <c>grain_type</c>): activations of this silo.</item>
/// <item><c>grain_activation_queue_length</c> (gauge, label <c>grain_type</c>): requests waiting in the activations' queues (not yet running).</item>
/// <item><c>grain_activation_queue_length_max</c> (gauge, label <c>grain_type</c>): the longest single activation queue of the type.</item>
/// <item><c>grain_calls_total</c>, <c>grain_call_exceptions_total</c>, <c>grain_call_duration_seconds_total</c> (counters, labels
/// <c>grain_type</c>, <c>method</c>): calls received since start, those that threw, their summed duration.</item>
/// <item><c>cluster_silos</c> (gauge, label <c>status</c>): silos of the membership table by status as this silo sees it
/// (a single-silo host reports itself).</item>
/// </list>
/// Registered by <see cref="RuntimeMetricsServiceCollectionExtensions.AddRuntimeMetrics"/>; created when the host starts.
/// </summary>
internal sealed class RuntimeMetrics : IHostedService
{
    public const string MeterName = "MindPeeker.Runtime";

    private static readonly SiloStatus[] Statuses = Enum.GetValues<SiloStatus>().Where(s => s != SiloStatus.None).ToArray();

    private readonly SiloRuntime _runtime;
    private readonly SiloStatistics _silo;
    private readonly GrainCallStatistics? _calls;
    private readonly IClusterMembershipService? _membership;

    public RuntimeMetrics(IMeterFactory meterFactory, IServiceProvider services)
    {
        _runtime = services.GetRequiredService<SiloRuntime>();
        _silo = services.GetRequiredService<SiloStatistics>();
        _calls = services.GetService<GrainCallStatistics>();
        _membership = services.GetService<IClusterMembershipService>();
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("grain_activations", ObserveActivations, description: "Activations on this silo by grain type.");
        meter.CreateObservableGauge("grain_activation_queue_length", () => ObserveQueues(max: false), description: "Requests waiting in activation queues on this silo by grain type.");
        meter.CreateObservableGauge("grain_activation_queue_length_max", () => ObserveQueues(max: true), description: "Longest activation queue on this silo by grain type.");
        meter.CreateObservableCounter("grain_calls_total", () => ObserveCalls(static t => t.Calls), description: "Grain calls received by this silo by grain type and method.");
        meter.CreateObservableCounter("grain_call_exceptions_total", () => ObserveCalls(static t => t.Exceptions), description: "Grain calls received by this silo that threw, by grain type and method.");
        meter.CreateObservableCounter("grain_call_duration_seconds_total", ObserveCallSeconds, "s", "Summed duration of grain calls received by this silo, by grain type and method.");
        meter.CreateObservableGauge("cluster_silos", ObserveSilos, description: "Silos in the membership table by status, as seen by this silo.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<int>> ObserveActivations() =>
        _silo.GetActivationCountsByGrainType().Select(static pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("grain_type", pair.Key)));

    private List<Measurement<int>> ObserveQueues(bool max)
    {
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var activation in _runtime.Catalog.EnumerateActivations())
        {
            var waiting = activation.WaitingCount;
            var type = activation.GrainId.Type;
            var current = byType.GetValueOrDefault(type);
            byType[type] = max ? Math.Max(current, waiting) : current + waiting;
        }

        return [.. byType.Select(static pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("grain_type", pair.Key)))];
    }

    private IEnumerable<Measurement<long>> ObserveCalls(Func<GrainMethodTotals, long> value) =>
        (_calls?.GetTotals() ?? []).Select(t => new Measurement<long>(value(t), Labels(t)));

    private IEnumerable<Measurement<double>> ObserveCallSeconds() =>
        (_calls?.GetTotals() ?? []).Select(static t => new Measurement<double>(t.TotalSeconds, Labels(t)));

    private IEnumerable<Measurement<int>> ObserveSilos()
    {
        var counts = new Dictionary<SiloStatus, int>();
        if (_membership is null)
        {
            counts[_silo.Status] = 1;
        }
        else
        {
            foreach (var entry in _membership.CurrentSnapshot.Entries.Values)
            {
                counts[entry.Status] = counts.GetValueOrDefault(entry.Status) + 1;
            }
        }

        // Every status is reported (0 when none), so a silo turning dead shows as a rising series rather than a new one.
        return Statuses.Select(status => new Measurement<int>(counts.GetValueOrDefault(status), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant())));
    }

    private static KeyValuePair<string, object?>[] Labels(GrainMethodTotals totals) =>
        [new("grain_type", totals.GrainType), new("method", totals.Method)];
}
