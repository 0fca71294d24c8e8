using System.Text.Json;
using Microsoft.Playwright;
using MindPeeker.Dashboard.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Resilience;

namespace MindPeeker.Dashboard.Tests;

/// <summary>Isolating and resetting a breaker from the page, each behind a confirmation.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CircuitBreakerActionTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_admin_isolates_and_resets_a_breaker_after_confirming_and_a_dismissed_confirmation_changes_nothing()
    {
        var dependency = $"webhook:dashboard-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<ICircuitBreakerGrain>(dependency).ReportOutcomes(new OutcomeReport(5, 0));
        await using var browser = await DashboardBrowser.OpenAsync(fixture);
        await browser.SignInAsAdminAsync(fixture);
        await browser.NavigateAsync("circuit-breakers", "Circuit breakers");
        var row = browser.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = dependency });
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("closed");

        var question = await ClickAndAnswerAsync(browser.Page, row.GetByRole(AriaRole.Button, new() { Name = $"Isolate {dependency}" }), accept: false);
        question.Should().Contain(dependency).And.Contain("refused");
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("closed");
        (await StateAsync(dependency)).Should().Be("closed");

        await ClickAndAnswerAsync(browser.Page, row.GetByRole(AriaRole.Button, new() { Name = $"Isolate {dependency}" }), accept: true);
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("isolated");
        await Assertions.Expect(browser.Page.Locator("#breakers-status")).ToHaveTextAsync($"{dependency} is now isolated.");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Isolate {dependency}" })).ToBeDisabledAsync();
        (await StateAsync(dependency)).Should().Be("isolated");
        await browser.ScreenshotAsync("circuit-breakers-isolated");

        await ClickAndAnswerAsync(browser.Page, row.GetByRole(AriaRole.Button, new() { Name = $"Reset {dependency}" }), accept: true);
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveTextAsync("closed");
        (await StateAsync(dependency)).Should().Be("closed");
        browser.Errors.Should().BeEmpty();
    }

    /// <summary>Clicks <paramref name="button"/>, answers the confirmation it opens, and returns the question asked.</summary>
    private static async Task<string> ClickAndAnswerAsync(IPage page, ILocator button, bool accept)
    {
        var asked = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Answer(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Message);
            _ = accept ? dialog.AcceptAsync() : dialog.DismissAsync();
        }

        page.Dialog += Answer;
        try
        {
            await button.ClickAsync();
            return await asked.Task.WaitAsync(DashboardBrowser.LiveTimeout);
        }
        finally
        {
            page.Dialog -= Answer;
        }
    }

    private async Task<string> StateAsync(string dependency)
    {
        using var http = fixture.CreateHttpClient(fixture.AdminToken);
        var body = await http.GetStringAsync($"/v1/admin/circuit-breakers/{Uri.EscapeDataString(dependency)}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("state").GetString()!;
    }
}
