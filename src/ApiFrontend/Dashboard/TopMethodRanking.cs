namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>Builds <see cref="TopGrainMethods"/>: pure, deterministic ordering (descending value, ties by name ascending).</summary>
internal static class TopMethodRanking
{
    public const int Limit = 10;

    public static TopGrainMethods Rank(IReadOnlyList<GrainMethodStatistics> methods, int limit = Limit)
    {
        var byCalls = methods
            .Where(m => m.Calls > 0)
            .OrderByDescending(m => m.CallsPerSecond)
            .ThenBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var byErrors = methods
            .Where(m => m.Exceptions > 0)
            .OrderByDescending(m => m.Exceptions)
            .ThenByDescending(m => m.ExceptionRate ?? 0)
            .ThenBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        var byLatency = methods
            .Where(m => m.Calls > 0 && m.P99Ms is not null)
            .OrderByDescending(m => m.P99Ms)
            .ThenBy(m => m.GrainType, StringComparer.Ordinal)
            .ThenBy(m => m.Method, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return new TopGrainMethods(byCalls, byErrors, byLatency);
    }
}
