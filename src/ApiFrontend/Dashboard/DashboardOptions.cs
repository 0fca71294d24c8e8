using System.ComponentModel.DataAnnotations;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>The dashboard's collection settings (section <c>Dashboard</c>), validated on start.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>
    /// False turns the dashboard's collection off: no call statistics filter on the silo, no push loop in the front
    /// end (the endpoints still answer, with zero calls). Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often silos are asked and a snapshot is pushed while an admin is connected. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far back the overview's history reaches. Default 10 minutes (600 points at 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan HistoryDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The number of history points kept: <see cref="HistoryDuration"/> / <see cref="CollectionInterval"/>, at least 1.</summary>
    public int HistoryCapacity => Math.Max(1, (int)Math.Ceiling(HistoryDuration / CollectionInterval));
}
