using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MindPeeker.Dashboard.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Dashboard.Tests;

/// <summary>Each page of the dashboard opened through the navigation, its content checked and a screenshot saved.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class PageTests(DashboardFixture fixture) : IAsyncLifetime
{
    private DashboardBrowser _browser = null!;

    private IPage Page => _browser.Page;

    public async Task InitializeAsync()
    {
        _browser = await DashboardBrowser.OpenAsync(fixture);
        await _browser.SignInAsAdminAsync(fixture);
    }

    public async Task DisposeAsync()
    {
        var errors = _browser.Errors;
        await _browser.DisposeAsync();
        errors.Should().BeEmpty("the dashboard must run without script errors or Content-Security-Policy violations");
    }

    [Fact]
    public async Task The_overview_shows_the_silo_with_its_role_status_and_resources_the_totals_and_the_history_charts()
    {
        await _browser.NavigateAsync("overview", "Cluster overview");

        var silos = Page.GetByRole(AriaRole.Table, new() { Name = "Silos" });
        var silo = silos.Locator("tbody tr").First;
        await Assertions.Expect(silo).ToContainTextAsync("Active");
        await Assertions.Expect(silo.Locator("td").Nth(4)).ToHaveTextAsync(Percent());
        await Assertions.Expect(silo.Locator("td").Nth(5)).ToHaveTextAsync(new Regex(@"^[\d.,]+ (MiB|GiB)$"));
        await Assertions.Expect(Page.Locator("#stat-total-activations")).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"));
        await Assertions.Expect(Page.Locator("#stat-requests-per-second")).ToHaveTextAsync(new Regex(@"^[\d,]+\.\d$"));
        await Assertions.Expect(Page.Locator("#stat-p99-latency")).ToHaveTextAsync(new Regex(@"ms$|s$|–"));
        await Assertions.Expect(Page.Locator("#overview-stats")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(Page.Locator("#overview-charts figure")).ToHaveCountAsync(7);
        await Assertions.Expect(Page.Locator("#overview-charts svg[role=img] path.line").First).ToBeAttachedAsync();
        await _browser.ScreenshotAsync("overview");
    }

    [Fact]
    public async Task The_grains_page_shows_activations_by_type_and_silo_per_method_statistics_and_top_methods()
    {
        await _browser.NavigateAsync("grains", "Grains");

        var activations = Page.GetByRole(AriaRole.Table, new() { Name = "Activations by grain type and silo" });
        await Assertions.Expect(activations.Locator("thead th")).ToHaveCountAsync(3);
        await Assertions.Expect(activations.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"));
        var methods = Page.GetByRole(AriaRole.Table, new() { Name = "Methods" });
        await Assertions.Expect(methods.Locator("tbody tr code").First).ToHaveTextAsync(new Regex(@"^I\w+\.\w+$"));
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Top by calls/s" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Top by errors" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Top by p99 latency" })).ToBeVisibleAsync();

        await Page.GetByLabel("Filter methods").FillAsync("no such method at all");
        await Assertions.Expect(methods.Locator("td.empty")).ToHaveTextAsync("No method matches the filter.");
        await Page.GetByLabel("Filter methods").FillAsync("");
        await _browser.ScreenshotAsync("grains");
    }

    [Fact]
    public async Task The_inspector_shows_where_a_grain_lives_its_persistent_state_and_an_unknown_type_as_plain_text()
    {
        var sessionId = await CreateSessionAsync();
        await _browser.NavigateAsync("inspector", "Grain inspector");

        await Page.GetByLabel("Grain type").FillAsync("session");
        await Page.GetByLabel("Key").FillAsync(sessionId);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();

        var facts = Page.Locator("#inspector-facts");
        await Assertions.Expect(facts.Locator("dd").First).ToHaveTextAsync("session/" + sessionId.Replace("-", "", StringComparison.Ordinal));
        await Assertions.Expect(facts.Locator("dd").Nth(1)).ToHaveTextAsync("yes");
        await Assertions.Expect(facts.Locator("dd").Nth(2)).ToContainTextAsync("(");
        await Assertions.Expect(Page.Locator("#inspector-state")).ToHaveTextAsync(new Regex("^No persistent state to show"));

        // The hub list keeps IPersistentState: its JSON is shown.
        await Page.GetByLabel("Grain type").FillAsync("sessionupdatehublist");
        await Page.GetByLabel("Key").FillAsync("0");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(facts.Locator("dd").First).ToHaveTextAsync("sessionupdatehublist/0");
        await Assertions.Expect(Page.Locator("#inspector-state")).ToHaveTextAsync(new Regex(@"^\{\s+"".+"":", RegexOptions.Singleline));
        await _browser.ScreenshotAsync("inspector");

        // The server echoes an unknown type in its problem detail: the page shows it as text, never as markup.
        const string Markup = "<img src=x onerror=\"window.injected=1\">";
        await Page.GetByLabel("Grain type").FillAsync(Markup);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#inspector-result [role=alert]")).ToContainTextAsync($"No grain type '{Markup}' is known");
        await Assertions.Expect(Page.Locator("#inspector-result img")).ToHaveCountAsync(0);
        (await Page.EvaluateAsync<bool>("() => window.injected === undefined")).Should().BeTrue();
    }

    [Fact]
    public async Task The_reminders_page_lists_the_reminders_of_running_sessions()
    {
        await CreateSessionAsync();
        await _browser.NavigateAsync("reminders", "Reminders");

        var reminders = Page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Reminders \\(") });
        await Assertions.Expect(reminders.Locator("thead th")).ToHaveCountAsync(6);
        await Assertions.Expect(reminders).ToBeVisibleAsync();
        await _browser.ScreenshotAsync("reminders");
    }

    [Fact]
    public async Task The_circuit_breakers_page_shows_state_failure_ratio_and_next_trial_of_each_breaker()
    {
        var healthy = $"webhook:dashboard-{Guid.NewGuid():N}";
        var failing = $"ai:nim:dashboard-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<ICircuitBreakerGrain>(healthy).ReportOutcomes(new OutcomeReport(10, 0));
        await fixture.Grains.GetGrain<ICircuitBreakerGrain>(failing).ReportOutcomes(new OutcomeReport(1, 9));

        await _browser.NavigateAsync("circuit-breakers", "Circuit breakers");

        var closed = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = healthy });
        await Assertions.Expect(closed.Locator("[data-state]")).ToHaveTextAsync("closed");
        await Assertions.Expect(closed.Locator("td").Nth(2)).ToHaveTextAsync("0.00 %");
        var open = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = failing });
        await Assertions.Expect(open.Locator("[data-state]")).ToHaveTextAsync("open");
        await Assertions.Expect(open.Locator("td").Nth(2)).ToHaveTextAsync("90.00 %");
        await Assertions.Expect(open.Locator("td").Nth(5)).ToHaveTextAsync(new Regex(@"\(in \d+ s\)$"));
        await _browser.ScreenshotAsync("circuit-breakers");
    }

    [Fact]
    public async Task The_rate_limits_page_shows_the_hottest_buckets_with_their_principal_and_the_rates()
    {
        await _browser.NavigateAsync("rate-limits", "Rate limits");

        await Assertions.Expect(Page.Locator("#stat-rate-limit-rejections")).ToHaveTextAsync(new Regex(@"^[\d,]+\.\d$"));
        var buckets = Page.GetByRole(AriaRole.Table, new() { Name = "Hottest buckets" });
        var userBucket = buckets.Locator("tbody tr").Filter(new() { HasText = "user" }).First;
        await Assertions.Expect(userBucket).ToBeVisibleAsync();
        await Assertions.Expect(userBucket.Locator("td").Nth(5)).ToHaveTextAsync(new Regex(@"^[1-9]"));
        await _browser.ScreenshotAsync("rate-limits");
    }

    [Fact]
    public async Task The_webhooks_page_shows_success_rates_backlog_endpoints_and_dead_deliveries()
    {
        await _browser.NavigateAsync("webhooks", "Webhooks");

        await Assertions.Expect(Page.Locator("#stat-webhook-dead")).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        await Assertions.Expect(Page.Locator("#stat-webhook-pending")).ToHaveTextAsync(new Regex(@"^\d[\d,]*$"));
        var outcomes = Page.GetByRole(AriaRole.Table, new() { Name = "Delivery outcomes" });
        await Assertions.Expect(outcomes.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(outcomes.Locator("tbody tr").First).ToContainTextAsync("Last 5 minutes");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Latest dead deliveries" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Endpoints" })).ToBeVisibleAsync();
        await _browser.ScreenshotAsync("webhooks");
    }

    [Fact]
    public async Task The_sessions_page_counts_created_sessions_by_type_and_status_with_queue_time_and_inference_latency()
    {
        await CreateSessionAsync();
        await _browser.NavigateAsync("sessions", "Sessions");

        await Assertions.Expect(Page.Locator("#stat-sessions-created")).ToHaveTextAsync(new Regex(@"^[1-9][\d,]*$"));
        var byType = Page.GetByRole(AriaRole.Table, new() { Name = "Throughput by type" });
        await Assertions.Expect(byType.Locator("tbody tr").Filter(new() { HasText = "remote_viewing" })).ToHaveCountAsync(1);
        var byStatus = Page.GetByRole(AriaRole.Table, new() { Name = "Sessions by status now" });
        await Assertions.Expect(byStatus.Locator("tbody tr").First).ToContainTextAsync("remote_viewing");
        var queue = Page.GetByRole(AriaRole.Table, new() { Name = "Queue time (created → started)" });
        await Assertions.Expect(queue.Locator("tbody tr").First).ToContainTextAsync("all types");
        await Assertions.Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Inference latency (started → completed)" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#session-charts figure")).ToHaveCountAsync(3);
        await _browser.ScreenshotAsync("sessions");
    }

    private async Task<string> CreateSessionAsync()
    {
        using var http = fixture.CreateHttpClient(fixture.AdminToken);
        using var response = await http.PostAsJsonAsync("/v1/sessions", new { cue = "A red door in a white wall", session_type = "remote_viewing" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetString()!;
    }

    [GeneratedRegex(@"^[\d.]+ %$")]
    private static partial Regex Percent();
}
