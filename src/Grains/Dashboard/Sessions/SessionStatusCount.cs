namespace MindPeeker.Grains.Dashboard.Sessions;

/// <summary>How many sessions of <see cref="SessionType"/> created in the window are now in <see cref="Status"/>.</summary>
public sealed record SessionStatusCount(string SessionType, string Status, long Count);
