namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>How many sessions of <see cref="SessionType"/> created in the dashboard's window are now in <see cref="Status"/>.</summary>
public sealed record SessionStatusCount(string SessionType, string Status, long Count);
