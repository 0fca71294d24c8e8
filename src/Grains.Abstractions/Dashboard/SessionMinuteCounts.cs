namespace MindPeeker.Grains.Abstractions.Dashboard;

/// <summary>
/// Sessions of one type in one minute (<see cref="Minute"/> is its start, UTC): created in it, and finished in it as
/// completed, failed or cancelled (by <c>completed_at</c>).
/// </summary>
public sealed record SessionMinuteCounts(DateTimeOffset Minute, string SessionType, long Created, long Completed, long Failed, long Cancelled);
