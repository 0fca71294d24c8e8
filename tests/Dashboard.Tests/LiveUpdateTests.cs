using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MindPeeker.Dashboard.Tests.Infrastructure;

namespace MindPeeker.Dashboard.Tests;

/// <summary>The dashboard follows a real load live, over the admin hub, without reloading.</summary>
[Collection(DashboardCollection.Name)]
public sealed class LiveUpdateTests(DashboardFixture fixture)
{
    private const string NumberOf = """
        (selector) => Number((document.querySelector(selector)?.textContent ?? "").replace(/,/g, ""))
        """;

    [Fact]
    public async Task While_sessions_are_created_the_pages_show_requests_per_second_activations_and_watchdog_reminders_rising()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);
        await browser.SignInAsAdminAsync(fixture);
        await browser.NavigateAsync("overview", "Cluster overview");
        await Assertions.Expect(browser.Page.Locator("#stat-total-activations")).ToHaveTextAsync(new Regex(@"^\d"));
        var activationsBefore = await browser.Page.EvaluateAsync<double>(NumberOf, "#stat-total-activations");
        var collectedBefore = await browser.Page.Locator("#overview-collected").TextContentAsync();

        await using (var load = SessionLoad.Start(fixture))
        {
            // Pushed numbers only: the page is never reloaded and the overview API is not called again.
            await browser.Page.WaitForFunctionAsync(
                """
                ([before]) => {
                  const number = (id) => Number((document.getElementById(id)?.textContent ?? "").replace(/,/g, ""));
                  return number("stat-requests-per-second") > 0 && number("stat-total-activations") >= before + 5;
                }
                """,
                new object[] { activationsBefore },
                new() { Timeout = (float)DashboardBrowser.LiveTimeout.TotalMilliseconds, PollingInterval = 100 });
            await Assertions.Expect(browser.Page.Locator("#overview-collected")).Not.ToHaveTextAsync(collectedBefore!);
            await browser.ScreenshotAsync("overview-under-load");

            await browser.NavigateAsync("grains", "Grains");
            var byCalls = browser.Page.GetByRole(AriaRole.Table, new() { Name = "Top by calls/s" });
            await Assertions.Expect(byCalls.Locator("tbody tr").Filter(new() { HasText = "ISessionGrain." }).First).ToBeVisibleAsync();
            await browser.ScreenshotAsync("grains-under-load");

            // Sessions in flight hold their watchdog reminder; the reminders page refreshes itself.
            await browser.NavigateAsync("reminders", "Reminders");
            var watchdog = browser.Page.Locator("#reminders-table tbody tr").Filter(new() { HasText = "session-watchdog" }).First;
            await Assertions.Expect(watchdog).ToBeVisibleAsync();
            await Assertions.Expect(watchdog.Locator("td").First).ToHaveTextAsync(new Regex("^session/"));
            await browser.ScreenshotAsync("reminders-under-load");

            load.Created.Should().BeGreaterThan(0);
        }

        browser.Errors.Should().BeEmpty();
    }
}
