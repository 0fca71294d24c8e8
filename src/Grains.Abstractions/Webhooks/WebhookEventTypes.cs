namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>The event types an endpoint can subscribe to (API.md "Webhooks"), as they appear in <c>type</c> and <c>X-MindPeeker-Event</c>.</summary>
public static class WebhookEventTypes
{
    public const string SessionCompleted = "session.completed";
    public const string SessionFailed = "session.failed";
    public const string SessionCancelled = "session.cancelled";
    public const string AnalysisReady = "analysis.ready";
    public const string AnalysisFailed = "analysis.failed";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";

    /// <summary>Sent by <c>POST /v1/webhooks/{id}/test</c>, only to that endpoint, whatever it subscribed to.</summary>
    public const string Test = "webhook.test";

    /// <summary>One of the owner's endpoints was disabled by the platform (410 Gone, or 5 days of continuous failure).</summary>
    public const string Disabled = "webhook.disabled";

    /// <summary>Every type, in the order API.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [SessionCompleted, SessionFailed, SessionCancelled, AnalysisReady, AnalysisFailed, UserCreated, UserUpdated, Test, Disabled];
}
