using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// Cumulative statistics of the grain calls this silo received, per (grain type, interface method): calls,
/// exceptions, total duration and a latency histogram (<see cref="LatencyBuckets"/>). Fed by the incoming call
/// filter that <c>AddSilo</c> registers first (unless <c>Dashboard:Enabled</c> is false, in which case everything
/// stays empty). A singleton per silo; thread-safe; counters only grow until the process ends.
/// </summary>
public sealed class GrainCallStatistics(TimeProvider time)
{
    private readonly ConcurrentDictionary<MethodKey, MethodCallCounters> _counters = new();

    /// <summary>Tells this process's counters apart from a restarted silo's, whose counters begin again at zero.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>Every method called at least once, sorted by grain type then method.</summary>
    public IReadOnlyList<GrainMethodTotals> GetTotals() =>
        [.. _counters.Values.Select(c => c.ToTotals(time.TimestampFrequency)).OrderBy(t => t.GrainType, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal)];

    /// <summary>Like <see cref="GetTotals"/> with each method's cumulative latency histogram.</summary>
    public IReadOnlyList<GrainMethodSnapshot> GetSnapshots() =>
        [.. _counters.Values.Select(c => c.ToSnapshot(time.TimestampFrequency)).OrderBy(t => t.GrainType, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal)];

    /// <summary>The counters of a method of a grain class: found by reference identity, created on the first call only.</summary>
    internal MethodCallCounters CountersFor(object grain, GrainId grainId, GrainMethod method)
    {
        var key = new MethodKey(grain.GetType(), method);
        return _counters.TryGetValue(key, out var counters)
            ? counters
            : _counters.GetOrAdd(key, static (_, state) => new MethodCallCounters(state.Type, state.Method.DisplayName), (grainId.Type, Method: method));
    }

    private readonly struct MethodKey(Type grainClass, GrainMethod method) : IEquatable<MethodKey>
    {
        private readonly Type _grainClass = grainClass;
        private readonly GrainMethod _method = method;

        public bool Equals(MethodKey other) => ReferenceEquals(_grainClass, other._grainClass) && ReferenceEquals(_method, other._method);

        public override bool Equals(object? obj) => obj is MethodKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(_grainClass), RuntimeHelpers.GetHashCode(_method));
    }
}
