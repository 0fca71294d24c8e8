namespace MindPeeker.ApiFrontend.Observability.Tracing;

/// <summary>The activity sources a trace of MindPeeker is made of.</summary>
public static class ActivitySourceNames
{
    /// <summary>ASP.NET Core's own request activities (server spans of HTTP requests).</summary>
    public const string AspNetCore = "Microsoft.AspNetCore";

    /// <summary>Grain calls: client spans where a call is sent, server spans where an activation runs it.</summary>
    public const string GrainCalls = Runtime.Diagnostics.GrainCallTracing.SourceName;

    /// <summary>Npgsql's command activities (one client span per PostgreSQL command).</summary>
    public const string Npgsql = "Npgsql";

    public static IReadOnlyList<string> All { get; } = [AspNetCore, GrainCalls, Npgsql];
}
