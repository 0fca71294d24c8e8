namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>How many sessions of <see cref="SessionType"/> created in the window are now in <see cref="Status"/>.</summary>
internal sealed record SessionStatusCount(string SessionType, string Status, long Count);
