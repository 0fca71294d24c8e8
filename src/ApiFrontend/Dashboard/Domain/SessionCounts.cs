namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>Sessions created, and finished by outcome, in some span (a minute, the whole window).</summary>
internal sealed record SessionCounts(long Created, long Completed, long Failed, long Cancelled)
{
    public static readonly SessionCounts None = new(0, 0, 0, 0);

    public SessionCounts Plus(SessionCounts other) =>
        new(Created + other.Created, Completed + other.Completed, Failed + other.Failed, Cancelled + other.Cancelled);
}
