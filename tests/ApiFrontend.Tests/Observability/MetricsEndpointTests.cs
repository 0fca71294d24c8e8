using System.Net;
using System.Text.RegularExpressions;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// <c>GET /metrics</c> of a real host after real traffic: Prometheus text format 0.0.4 a scraper accepts, the SPEC's
/// metric names, bounded labels, admin-only on the main port and open on the internal scrape port.
/// </summary>
public sealed partial class MetricsEndpointTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private static readonly string[] SpecFamilies =
    [
        "sessions_created_total", "sessions_completed_total", "analysis_duration_seconds", "user_tier_distribution",
        "api_usage_by_endpoint_total", "http_requests_total", "http_request_duration_seconds", "database_connections_active",
        "database_connections_max", "ai_inference_duration_seconds", "cpu_utilization_percent", "memory_utilization_percent",
        "grain_activations", "grain_activation_queue_length", "grain_calls_total", "grain_call_exceptions_total", "cluster_silos",
    ];

    [Fact]
    public async Task Metrics_on_the_main_port_need_an_administrator()
    {
        using var anonymous = fixture.Host.CreateClient();
        using var user = fixture.ClientFor(fixture.User);
        using var admin = fixture.ClientFor(fixture.Admin);

        using var withoutCredentials = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var asUser = await user.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var asAdmin = await admin.GetAsync(new Uri("/metrics", UriKind.Relative));

        withoutCredentials.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        asUser.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        asAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        asAdmin.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
    }

    [Fact]
    public async Task The_internal_scrape_port_serves_metrics_without_credentials()
    {
        using var scraper = new HttpClient { BaseAddress = fixture.InternalAddress };

        using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var other = await scraper.GetAsync(new Uri("/v1/sessions", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PrometheusScrape.Parse(await response.Content.ReadAsStringAsync()).Families.Should().ContainKey("http_requests_total");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound, "the scrape port serves nothing but /metrics");
    }

    [Fact]
    public async Task A_scrape_is_valid_exposition_format_with_every_spec_metric()
    {
        var scrape = PrometheusScrape.Parse(await fixture.ScrapeAsAdminAsync());

        scrape.Problems.Should().BeEmpty();
        scrape.Families.Keys.Should().Contain(SpecFamilies);
        foreach (var family in scrape.Families.Values)
        {
            family.Help.Should().NotBeNullOrWhiteSpace($"{family.Name} needs a # HELP text");
            family.Samples.Should().NotBeEmpty($"{family.Name} is announced, so it has samples");
            if (family.Type == "counter")
            {
                family.Name.Should().EndWith("_total");
                family.Samples.Should().OnlyContain(s => s.Value >= 0);
            }
        }
    }

    [Fact]
    public async Task Histograms_have_cumulative_buckets_up_to_inf_a_sum_and_a_count()
    {
        var scrape = PrometheusScrape.Parse(await fixture.ScrapeAsAdminAsync());

        var histograms = scrape.Families.Values.Where(f => f.Type == "histogram").ToList();
        histograms.Select(h => h.Name).Should().Contain(["http_request_duration_seconds", "analysis_duration_seconds", "ai_inference_duration_seconds"]);
        foreach (var histogram in histograms)
        {
            foreach (var series in histogram.Samples.GroupBy(s => string.Join(",", s.Labels.Where(l => l.Key != "le").OrderBy(l => l.Key).Select(l => $"{l.Key}={l.Value}"))))
            {
                var buckets = series.Where(s => s.Name.EndsWith("_bucket", StringComparison.Ordinal)).ToList();
                buckets.Should().NotBeEmpty();
                buckets[^1].Labels["le"].Should().Be("+Inf");
                buckets.Select(b => b.Value).Should().BeInAscendingOrder("buckets are cumulative");
                var count = series.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value;
                buckets[^1].Value.Should().Be(count, $"{histogram.Name}{{{series.Key}}}: the +Inf bucket holds every observation");
                series.Single(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Value.Should().BeGreaterThanOrEqualTo(0);
            }
        }
    }

    [Fact]
    public async Task The_completed_session_is_counted_with_its_inference_and_database_use()
    {
        var scrape = PrometheusScrape.Parse(await fixture.ScrapeAsAdminAsync());

        Value(scrape, "sessions_created_total", ("session_type", "dowsing")).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "sessions_completed_total", ("session_type", "dowsing"), ("status", "completed")).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "analysis_duration_seconds_count", ("analysis_type", "yes_no"), ("outcome", "success")).Should().BeGreaterThanOrEqualTo(1);
        scrape.Samples.Where(s => s.Name == "ai_inference_duration_seconds_count" && s.Labels.GetValueOrDefault("provider") == "onnx" && s.Labels.GetValueOrDefault("outcome") == "success")
            .Sum(s => s.Value).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "user_tier_distribution", ("tier", "basic")).Should().BeGreaterThanOrEqualTo(2, "two accounts were registered");
        Value(scrape, "database_connections_max").Should().BeGreaterThan(0);
        Value(scrape, "database_connections_active").Should().BeGreaterThanOrEqualTo(0);
        Value(scrape, "grain_activations", ("grain_type", "session")).Should().BeGreaterThanOrEqualTo(1);
        scrape.Samples.Where(s => s.Name == "grain_calls_total" && s.Labels["grain_type"] == "session").Sum(s => s.Value).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "cluster_silos", ("status", "active")).Should().Be(1);
        Value(scrape, "cpu_utilization_percent").Should().BeInRange(0, 100);
        Value(scrape, "memory_utilization_percent").Should().BeInRange(0, 100);
    }

    [Fact]
    public async Task Http_metrics_label_requests_by_route_template_never_by_raw_path_or_id()
    {
        using var client = fixture.ClientFor(fixture.User);
        using var response = await client.GetAsync(new Uri($"/v1/sessions/{fixture.SessionId}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);

        var text = await fixture.ScrapeAsAdminAsync();
        var scrape = PrometheusScrape.Parse(text);

        Value(scrape, "http_requests_total", ("method", "GET"), ("route", "/v1/sessions/{id}"), ("status", "200")).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "http_requests_total", ("method", "POST"), ("route", "/v1/sessions"), ("status", "201")).Should().BeGreaterThanOrEqualTo(1);
        Value(scrape, "api_usage_by_endpoint_total", ("method", "GET"), ("route", "/v1/sessions/{id}")).Should().BeGreaterThanOrEqualTo(1);
        text.Should().NotContain(fixture.SessionId.ToString(), "ids never become label values");
        text.Should().NotContain(fixture.User.UserId.ToString());
        scrape.Samples.Where(s => s.Labels.ContainsKey("route")).Select(s => s.Labels["route"])
            .Should().OnlyContain(route => route == "unmatched" || route.StartsWith('/'));
    }

    [Fact]
    public async Task Every_metric_the_alert_rules_use_is_in_a_real_scrape()
    {
        var rules = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "k8s", "base", "monitoring", "alert-rules.yaml"));
        var scrape = PrometheusScrape.Parse(await fixture.ScrapeAsAdminAsync());
        var exported = scrape.Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var used = rules.Split('\n').Where(line => line.TrimStart().StartsWith("expr:", StringComparison.Ordinal))
            .SelectMany(line => MetricName().Matches(line[(line.IndexOf("expr:", StringComparison.Ordinal) + 5)..]).Select(m => m.Value))
            .Where(name => !PromQlWords.Contains(name))
            .ToHashSet(StringComparer.Ordinal);

        used.Should().Contain(["http_requests_total", "ai_inference_duration_seconds_count", "http_request_duration_seconds_bucket", "database_connections_active", "database_connections_max"]);
        used.Should().BeSubsetOf(exported);
    }

    private static readonly HashSet<string> PromQlWords = ["sum", "rate", "by", "le", "histogram_quantile", "status", "outcome", "success", "route"];

    private static double Value(PrometheusScrape scrape, string name, params (string Key, string Value)[] labels)
    {
        var matching = scrape.Samples.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
        matching.Should().NotBeEmpty($"the scrape must have {name} with {string.Join(", ", labels.Select(l => $"{l.Key}={l.Value}"))}");
        return matching.Sum(s => s.Value);
    }

    // Identifiers outside label matchers and strings: metric names and PromQL words (filtered above).
    [GeneratedRegex(@"(?<![""{=~\w])[a-z_][a-z0-9_]*(?=\s*[\[{)/ ]|$)")]
    private static partial Regex MetricName();
}
