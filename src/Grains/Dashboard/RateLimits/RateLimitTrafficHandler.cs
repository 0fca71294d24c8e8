using System.Text.Json;
using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Grains.Dashboard.RateLimits;

/// <summary>
/// Silo control handler <c>dashboard.rate_limits</c>, argument <c>{"top": n}</c> (1–100, default 20): this silo's
/// <see cref="RateLimitTrafficSnapshot"/> with its <c>n</c> hottest buckets. In memory only; no I/O.
/// </summary>
internal sealed class RateLimitTrafficHandler(RateLimitTraffic traffic) : ISiloControlHandler
{
    public const string HandlerName = "dashboard.rate_limits";

    public string Name => HandlerName;

    public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken) =>
        ValueTask.FromResult(DashboardJson.Serialize(traffic.Snapshot(DashboardJson.Int(argument, "top", 20, 1, 100))));
}
