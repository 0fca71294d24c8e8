using System.Text.Json;
using Microsoft.Extensions.Options;
using MindPeeker.Runtime.Catalog;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Runtime.Statistics;

/// <summary>
/// Silo control handler <c>dashboard.silo</c> (no argument): this silo's <see cref="SiloDashboardReport"/>. Reads
/// counters that already exist; answering walks the activations once.
/// </summary>
internal sealed class SiloDashboardHandler(
    GrainCallStatistics calls,
    SiloStatistics silo,
    SiloRuntime runtime,
    IOptions<SiloOptions> options,
    TimeProvider time) : ISiloControlHandler
{
    public const string HandlerName = DashboardControlNames.Silo;

    public string Name => HandlerName;

    public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken)
    {
        var waiting = 0;
        foreach (var activation in runtime.Catalog.EnumerateActivations())
        {
            waiting += activation.WaitingCount;
        }

        var report = new SiloDashboardReport(
            calls.InstanceId,
            silo.SiloName,
            options.Value.EffectiveRoles,
            silo.Status.ToString(),
            silo.StartedAt,
            time.GetUtcNow(),
            ProcessResourceSample.Take(),
            silo.GetActivationCountsByGrainType(),
            waiting,
            ThreadPool.PendingWorkItemCount,
            calls.GetSnapshots());
        return ValueTask.FromResult(JsonSerializer.SerializeToElement(report));
    }
}
