using System.Globalization;
using System.Text.RegularExpressions;
using MindPeeker.Deployment.Tests.Rendering;

namespace MindPeeker.Deployment.Tests.Monitoring;

/// <summary>
/// The Prometheus alert rules of k8s/base/monitoring implement SPEC.md's alerts: critical error rate above 5 % for
/// 5 minutes and model availability below 99 % for 1 minute; warning p95 latency above 2 s for 10 minutes and
/// database pool use above 80 % for 15 minutes. (That every metric they use is exported is checked against a real
/// scrape in ApiFrontend.Tests' MetricsEndpointTests.)
/// </summary>
public sealed partial class AlertRulesTests
{
    public static TheoryData<string, string, string, string, string, double> SpecAlerts => new()
    {
        { "MindPeekerHighErrorRate", "critical", "5m", "http_requests_total", ">", 0.05 },
        { "MindPeekerModelAvailabilityLow", "critical", "1m", "ai_inference_duration_seconds_count", "<", 0.99 },
        { "MindPeekerHighLatency", "warning", "10m", "http_request_duration_seconds_bucket", ">", 2 },
        { "MindPeekerDatabasePoolNearlyExhausted", "warning", "15m", "database_connections_max", ">", 0.8 },
    };

    [Theory]
    [MemberData(nameof(SpecAlerts))]
    public void Each_spec_alert_has_its_threshold_duration_and_severity(string alert, string severity, string duration, string metric, string comparison, double threshold)
    {
        var rule = AlertRuleFile.Rules().SingleOrDefault(r => r.Text("alert") == alert);

        rule.Should().NotBeNull($"the rule file must define {alert}");
        rule.Text("for").Should().Be(duration);
        rule.Map("labels").Text("severity").Should().Be(severity);
        var expression = rule.Text("expr")!;
        expression.Should().Contain(metric);
        var match = Comparison().Match(expression);
        match.Success.Should().BeTrue($"'{expression}' must end in a comparison with a number");
        match.Groups["op"].Value.Should().Be(comparison);
        double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture).Should().Be(threshold);
    }

    [Fact]
    public void Latency_alert_takes_the_95th_percentile_of_the_request_duration_histogram()
    {
        var expression = AlertRuleFile.Rules().Single(r => r.Text("alert") == "MindPeekerHighLatency").Text("expr")!;

        expression.Should().StartWith("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket");
    }

    [Fact]
    public void Error_rate_alert_divides_server_errors_by_all_requests()
    {
        var expression = AlertRuleFile.Rules().Single(r => r.Text("alert") == "MindPeekerHighErrorRate").Text("expr")!;

        expression.Should().Be("sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.05");
    }

    [Theory]
    [MemberData(nameof(Overlay.Names), MemberType = typeof(Overlay))]
    public void Every_overlay_ships_the_alert_rules(string overlay)
    {
        var rendered = Overlay.Named(overlay).Render();

        var configMap = rendered.Find("ConfigMap", "mindpeeker-alert-rules");

        configMap.Should().NotBeNull();
        configMap!.Body.Map("data").Text(AlertRuleFile.Key).Should().Contain("MindPeekerHighErrorRate");
    }

    [GeneratedRegex(@"(?<op>[<>]=?)\s*(?<value>[0-9.]+)\s*$")]
    private static partial Regex Comparison();
}
