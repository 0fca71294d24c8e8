namespace MindPeeker.Sdk.Sessions;

/// <summary>The session statuses of API.md.</summary>
public static class SessionStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Completed, failed and cancelled sessions never change status again.</summary>
    public static bool IsFinal(string? status) => status is Completed or Failed or Cancelled;
}
