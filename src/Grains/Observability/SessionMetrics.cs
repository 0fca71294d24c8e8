using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MindPeeker.Grains.Observability;

/// <summary>
/// The sessions' instruments on the <c>MindPeeker.Sessions</c> meter: <c>sessions_created_total</c> (label
/// <c>session_type</c>), <c>sessions_completed_total</c> (labels <c>session_type</c>, <c>status</c> = completed, failed or
/// cancelled) and <c>analysis_duration_seconds</c> (histogram of one analysis stage, labels <c>analysis_type</c> and
/// <c>outcome</c> = success or failure). Session and analysis types come from the fixed catalog, so labels are bounded.
/// A singleton per silo; thread-safe.
/// </summary>
internal sealed class SessionMetrics
{
    public const string MeterName = "MindPeeker.Sessions";

    private readonly Counter<long> _created;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _analysis;

    public SessionMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("sessions_created_total", description: "Sessions created (first write of the session row).");
        _completed = meter.CreateCounter<long>("sessions_completed_total", description: "Sessions that reached a final status.");
        _analysis = meter.CreateHistogram<double>("analysis_duration_seconds", "s", "Duration of one analysis stage of a session, including inference.");
    }

    /// <summary>
    /// After a session update was written: counts a creation (event <c>created</c>) and, when the update moved the
    /// session from unfinished to a final status (<paramref name="finished"/>), a completion with that status.
    /// </summary>
    public void Recorded(string sessionEvent, string sessionType, string status, bool finished)
    {
        if (string.Equals(sessionEvent, Abstractions.Sessions.SessionEvents.Created, StringComparison.Ordinal))
        {
            Created(sessionType);
        }

        if (finished)
        {
            Finished(sessionType, status);
        }
    }

    public void Created(string sessionType) => _created.Add(1, new KeyValuePair<string, object?>("session_type", sessionType));

    public void Finished(string sessionType, string status)
    {
        var tags = new TagList { { "session_type", sessionType }, { "status", status } };
        _completed.Add(1, in tags);
    }

    public void Analyzed(string analysisType, bool succeeded, TimeSpan elapsed)
    {
        var tags = new TagList { { "analysis_type", analysisType }, { "outcome", succeeded ? "success" : "failure" } };
        _analysis.Record(elapsed.TotalSeconds, in tags);
    }
}
