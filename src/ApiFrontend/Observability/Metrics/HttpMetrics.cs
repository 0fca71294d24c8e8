using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// The front end's HTTP instruments on the <c>MindPeeker.Http</c> meter: <c>http_requests_total</c> (labels
/// <c>method</c>, <c>route</c> = the endpoint's route template such as <c>/v1/sessions/{id}</c>, <c>unmatched</c> when no
/// endpoint matched, <c>status</c>), <c>http_request_duration_seconds</c> (histogram, labels <c>method</c>, <c>route</c>)
/// and <c>api_usage_by_endpoint_total</c> (requests to the public <c>/v1</c> API, labels <c>method</c>, <c>route</c>).
/// Route templates and methods come from the endpoint table, so the label sets are bounded. Thread-safe.
/// </summary>
internal sealed class HttpMetrics
{
    public const string MeterName = "MindPeeker.Http";

    private static readonly string[] StatusTexts = [.. Enumerable.Range(0, 600).Select(code => code.ToString(CultureInfo.InvariantCulture))];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _apiUsage;

    public HttpMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("http_requests_total", description: "HTTP requests answered, by method, route template and status code.");
        _duration = meter.CreateHistogram<double>("http_request_duration_seconds", "s", "Time from receiving an HTTP request to finishing its response.");
        _apiUsage = meter.CreateCounter<long>("api_usage_by_endpoint", description: "Requests to the public /v1 API by method and route template.");
    }

    /// <summary>Records one finished request.</summary>
    public void Record(string method, string route, int status, double seconds)
    {
        var statusText = (uint)status < (uint)StatusTexts.Length ? StatusTexts[status] : "other";
        var tags = new TagList { { "method", method }, { "route", route }, { "status", statusText } };
        _requests.Add(1, in tags);
        var timing = new TagList { { "method", method }, { "route", route } };
        _duration.Record(seconds, in timing);
        if (route.StartsWith("/v1/", StringComparison.Ordinal))
        {
            _apiUsage.Add(1, in timing);
        }
    }
}
