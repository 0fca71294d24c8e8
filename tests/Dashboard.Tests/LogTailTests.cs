using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MindPeeker.Dashboard.Tests.Infrastructure;

namespace MindPeeker.Dashboard.Tests;

/// <summary>The live log tail over the hub's StreamLogs, with its level and session filters.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LogTailTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string AllRowsAtLeastWarning = """
        () => [...document.querySelectorAll("#logs-rows tr")].every((r) => ["warning", "error", "critical"].includes(r.dataset.level))
        """;

    private DashboardBrowser _browser = null!;

    private IPage Page => _browser.Page;

    public async Task InitializeAsync()
    {
        _browser = await DashboardBrowser.OpenAsync(fixture);
        await _browser.SignInAsAdminAsync(fixture);
        await _browser.NavigateAsync("logs", "Logs");
        await Assertions.Expect(Page.Locator("#logs-status")).ToContainTextAsync("Streaming");
    }

    public async Task DisposeAsync()
    {
        var errors = _browser.Errors;
        await _browser.DisposeAsync();
        errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_warning_logged_after_the_page_opened_arrives_live_and_the_level_filter_hides_information_entries()
    {
        await Page.GetByLabel("Level").SelectOptionAsync("warning");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#logs-status")).ToContainTextAsync("Streaming");

        await ReuseARefreshTokenAsync();

        var warning = Page.Locator("#logs-rows tr").Filter(new() { HasText = "Refresh token reuse detected" }).First;
        await Assertions.Expect(warning).ToBeVisibleAsync();
        await Assertions.Expect(warning).ToHaveAttributeAsync("data-level", "warning");
        (await Page.EvaluateAsync<bool>(AllRowsAtLeastWarning)).Should().BeTrue("the filter asks for warning and above");
        await _browser.ScreenshotAsync("logs");
    }

    [Fact]
    public async Task Filtering_by_session_shows_that_sessions_entries_only()
    {
        var wanted = await CreateSessionAsync();
        var other = await CreateSessionAsync();
        await Page.GetByLabel("Level").SelectOptionAsync("");
        await Page.GetByLabel("Session").FillAsync(wanted);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#logs-rows tr").Filter(new() { HasText = wanted }).First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#logs-rows tr").Filter(new() { HasText = other })).ToHaveCountAsync(0);
        var rows = await Page.Locator("#logs-rows tr").AllTextContentsAsync();
        rows.Should().OnlyContain(text => text.Contains(wanted, StringComparison.Ordinal));
        await _browser.ScreenshotAsync("logs-filtered-by-session");
    }

    private async Task<string> CreateSessionAsync()
    {
        using var http = fixture.CreateHttpClient(fixture.AdminToken);
        using var response = await http.PostAsJsonAsync("/v1/sessions", new { cue = "A bridge in fog", session_type = "remote_viewing" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("id").GetString()!;
    }

    /// <summary>Signs in, rotates the refresh token, then presents the old one again: the server logs a warning.</summary>
    private async Task ReuseARefreshTokenAsync()
    {
        using var http = fixture.CreateHttpClient();
        using var login = await http.PostAsJsonAsync("/v1/auth/login", new { email = fixture.UserEmail, password = DashboardFixture.Password });
        var first = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("refresh_token").GetString();
        using var rotated = await http.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = first });
        rotated.StatusCode.Should().Be(HttpStatusCode.OK);
        using var reused = await http.PostAsJsonAsync("/v1/auth/refresh", new { refresh_token = first });
        reused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
