namespace MindPeeker.Sdk.Sessions;

/// <summary>How <see cref="SessionsClient.WaitForCompletionAsync"/> waits.</summary>
public sealed record WaitOptions
{
    /// <summary>Give up (with <see cref="TimeoutException"/>) after this long. Default 1,800 s (a session may take 30 minutes).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>Interval of status polls when realtime updates are unavailable. Default 2 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Follow the session over SignalR (<c>/v1/ws</c>) first; false polls only. Default true.</summary>
    public bool UseRealtime { get; init; } = true;

    /// <summary>Called with each progress update, in sequence order (live updates, or changes seen by polling).</summary>
    public Action<SessionUpdate>? OnProgress { get; init; }
}
