using MindPeeker.Runtime.Statistics;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// Turns one collection's <see cref="SiloSample"/>s into the overview (without history) and the grains view:
/// rates are each silo's differences over its own window, summed over silos. Pure; thread-safe.
/// </summary>
internal static class DashboardAggregation
{
    public static (DashboardOverview Overview, DashboardGrains Grains) Aggregate(IReadOnlyList<SiloSample> samples, DateTimeOffset collectedAt)
    {
        var methods = new SortedDictionary<(string GrainType, string Method), MethodWindow>();
        var activations = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var silos = new List<SiloOverview>(samples.Count);
        double window = 0;
        foreach (var sample in samples)
        {
            silos.Add(Summarize(sample));
            if (sample.Current is not { } current)
            {
                continue;
            }

            var siloWindow = sample.WindowSeconds;
            window = Math.Max(window, siloWindow);
            var previous = sample.Previous?.Methods.ToDictionary(m => (m.GrainType, m.Method));
            foreach (var method in current.Methods)
            {
                var key = (method.GrainType, method.Method);
                if (!methods.TryGetValue(key, out var sum))
                {
                    sum = new MethodWindow(method.GrainType, method.Method);
                    methods.Add(key, sum);
                }

                sum.Add(method, previous?.GetValueOrDefault(key), siloWindow);
            }

            foreach (var (grainType, count) in current.ActivationsByGrainType)
            {
                if (!activations.TryGetValue(grainType, out var bySilo))
                {
                    bySilo = new SortedDictionary<string, int>(StringComparer.Ordinal);
                    activations.Add(grainType, bySilo);
                }

                bySilo[sample.Answer.Silo] = count;
            }
        }

        var statistics = methods.Values.Select(m => m.ToStatistics()).ToList();
        var calls = methods.Values.Sum(m => m.Calls);
        var exceptions = methods.Values.Sum(m => m.Exceptions);
        var seconds = methods.Values.Sum(m => m.TotalSeconds);
        var histogram = new long[LatencyBuckets.Count];
        foreach (var method in methods.Values)
        {
            method.AddHistogramTo(histogram);
        }

        var overview = new DashboardOverview(
            collectedAt,
            window,
            silos,
            silos.Sum(s => s.Activations ?? 0),
            methods.Values.Sum(m => m.CallsPerSecond),
            calls > 0 ? (double)exceptions / calls : null,
            calls > 0 ? seconds * 1000.0 / calls : null,
            calls > 0 ? LatencyBuckets.Percentile(histogram, 0.99) : null,
            []);
        var grains = new DashboardGrains(
            collectedAt,
            window,
            [.. activations.Select(a => new GrainTypeActivations(a.Key, a.Value.Values.Sum(), a.Value))],
            statistics,
            TopMethodRanking.Rank(statistics));
        return (overview, grains);
    }

    /// <summary>The history point of an overview.</summary>
    public static OverviewHistoryPoint ToHistoryPoint(DashboardOverview overview)
    {
        var answered = overview.Silos.Where(s => s.CpuPercent is not null).ToList();
        return new OverviewHistoryPoint(
            overview.CollectedAt,
            overview.RequestsPerSecond,
            overview.ErrorRate,
            overview.AvgLatencyMs,
            overview.P99LatencyMs,
            overview.TotalActivations,
            answered.Count > 0 ? answered.Average(s => s.CpuPercent!.Value) : null,
            overview.Silos.Sum(s => s.MemoryBytes ?? 0));
    }

    private static SiloOverview Summarize(SiloSample sample)
    {
        var answer = sample.Answer;
        if (sample.Current is not { } current)
        {
            return new SiloOverview(answer.Silo, answer.SiloName, [], answer.Answered ? "Failed" : "Unreachable", answer.Answered,
                answer.Error, null, null, null, null, null, null, null);
        }

        var previous = sample.Previous?.Methods.ToDictionary(m => (m.GrainType, m.Method), m => m.Calls);
        var calls = current.Methods.Sum(m => Math.Max(0, m.Calls - (previous?.GetValueOrDefault((m.GrainType, m.Method)) ?? 0)));
        return new SiloOverview(
            answer.Silo,
            current.SiloName,
            current.Roles,
            current.Status,
            true,
            null,
            sample.CpuPercent,
            current.Process.WorkingSetBytes,
            current.Process.GcHeapBytes,
            current.ActivationsByGrainType.Values.Sum(),
            current.WaitingRequests,
            current.ThreadPoolQueueLength,
            calls / sample.WindowSeconds);
    }
}
