using MindPeeker.Runtime.Management;
using MindPeeker.Runtime.Statistics;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// One silo in one collection: its control answer, the report it sent (null when it did not answer or answered an
/// error) and this front end's previous report of the same silo process (null on the first collection or after a
/// restart, when rates are computed since the silo started).
/// </summary>
internal sealed record SiloSample(SiloControlAnswer Answer, SiloDashboardReport? Current, SiloDashboardReport? Previous)
{
    /// <summary>Seconds the rates cover: since the previous report, else since the silo started (at least 1 ms).</summary>
    public double WindowSeconds
    {
        get
        {
            if (Current is null)
            {
                return 0;
            }

            var since = Previous?.SampledAt ?? Current.StartedAt ?? Current.SampledAt.AddSeconds(-1);
            return Math.Max(0.001, (Current.SampledAt - since).TotalSeconds);
        }
    }

    /// <summary>The process's CPU use over the window as a share of all cores, 0–100.</summary>
    public double? CpuPercent
    {
        get
        {
            if (Current is null)
            {
                return null;
            }

            var cpu = Current.Process.CpuSeconds - (Previous?.Process.CpuSeconds ?? 0);
            var percent = cpu / WindowSeconds / Math.Max(1, Current.Process.ProcessorCount) * 100.0;
            return Math.Clamp(percent, 0, 100);
        }
    }
}
