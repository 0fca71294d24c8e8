namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// The sync schedule: <see cref="State"/> <c>running</c> (a durable reminder syncs every <see cref="IntervalSeconds"/>) or
/// <c>stopped</c>; the last sync's time, outcome (<c>succeeded</c> / <c>failed</c> / <c>skipped</c> when rate-limited) and
/// error; <see cref="Items"/> what the last successful sync found (model ids for <c>openai_compatible</c>).
/// </summary>
public sealed record IntegrationSyncStatus(
    string State,
    int IntervalSeconds,
    DateTimeOffset? LastSyncAt,
    string? LastSyncStatus,
    string? LastError,
    DateTimeOffset? NextSyncAt,
    IReadOnlyList<string> Items)
{
    public const string Running = "running";
    public const string Stopped = "stopped";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Skipped = "skipped";
}
