namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// A session's status (API.md, "Sessions"): <c>pending</c> → <c>processing</c> → <c>completed</c> |
/// <c>failed</c> | <c>cancelled</c>. The last three are final: nothing changes them afterwards.
/// </summary>
public static class SessionStatus
{
    public const string Pending = "pending";

    public const string Processing = "processing";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public const string Cancelled = "cancelled";

    /// <summary>Every status, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Processing, Completed, Failed, Cancelled];

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}
