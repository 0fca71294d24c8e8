using MindPeeker.Runtime;

namespace MindPeeker.Cluster.TestSilo.Grains;

/// <summary>
/// Calls probe grains from grain code on the silo that hosts it. A stateless worker, so it runs on the silo that
/// received the call (for a cluster client, the gateway its key hashes to).
/// </summary>
public interface IFanOutGrain : IGrainWithIntegerKey
{
    /// <summary>The silo this worker runs on and the Active silos in that silo's current membership snapshot.</summary>
    Task<SiloView> View();

    /// <summary>
    /// Runs <paramref name="callers"/> concurrent callers; caller <c>c</c> makes <paramref name="callsPerCaller"/>
    /// <see cref="IProbeGrain.Probe"/> calls, the <c>i</c>-th to <c>probeKeys[(c + i) % probeKeys.Length]</c>.
    /// Returns every report with the key it was for.
    /// </summary>
    Task<FanOutResult> CallProbes(string[] probeKeys, int callers, int callsPerCaller);
}

/// <summary>A silo's address and the Active silos its membership snapshot lists (it may lag the table by a refresh period).</summary>
public sealed record SiloView(string Silo, IReadOnlyList<string> ActiveSilos);

/// <summary>The silo a fan-out ran on and the reports of the probe calls it made, with their keys.</summary>
public sealed record FanOutResult(string Silo, IReadOnlyList<KeyedProbeReport> Reports);

/// <summary>One probe call's report and the probe's key.</summary>
public sealed record KeyedProbeReport(string Key, ProbeReport Report);
