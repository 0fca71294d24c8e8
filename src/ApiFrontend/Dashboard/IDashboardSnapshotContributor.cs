namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// A part of the live dashboard contributed by another feature: registered in the front end's DI
/// (<c>services.AddSingleton&lt;IDashboardSnapshotContributor, X&gt;()</c>), called once per collection interval
/// while at least one admin is connected to the admin hub, and its payload pushed to the admins as message
/// <c>dashboard_{Name}</c>, serialized like HTTP responses (snake_case). Called from one background loop at a time;
/// a contributor that throws or takes longer than the interval is skipped for that interval.
/// </summary>
public interface IDashboardSnapshotContributor
{
    /// <summary>The message suffix, snake_case, e.g. <c>rate_limits</c> (pushed as <c>dashboard_rate_limits</c>).</summary>
    string Name { get; }

    /// <summary>The payload for this interval (the same shape as the feature's GET endpoint's <c>data</c>).</summary>
    Task<object> CollectAsync(CancellationToken ct);
}
