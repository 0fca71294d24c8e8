using Microsoft.Playwright;
using MindPeeker.Dashboard.Tests.Infrastructure;

namespace MindPeeker.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_admin_signs_in_through_the_form_sees_the_overview_live_and_stays_signed_in_after_a_reload()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("sign-in");

        await browser.SignInAsAdminAsync(fixture);

        await Assertions.Expect(browser.Page.Locator("#page-title")).ToHaveTextAsync("Cluster overview");
        await Assertions.Expect(browser.Page.Locator("#who")).ToHaveTextAsync(fixture.AdminEmail);
        await Assertions.Expect(browser.Page.Locator("#connection")).ToHaveTextAsync("Live");
        browser.WebSocketUrls.Should().Contain(url => url.Contains("/v1/admin/ws?", StringComparison.Ordinal) && url.Contains("access_token=", StringComparison.Ordinal),
            "the Content-Security-Policy lets the page open the admin hub's WebSocket on its own origin");
        await browser.Page.ReloadAsync();
        await Assertions.Expect(browser.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(browser.Page.Locator("#login-view")).ToBeHiddenAsync();
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task An_access_token_the_server_refuses_is_refreshed_once_and_the_call_retried()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);
        await browser.SignInAsAdminAsync(fixture);
        await browser.Page.EvaluateAsync(
            """
            () => {
              const auth = JSON.parse(sessionStorage.getItem("mindpeeker.admin.auth"));
              sessionStorage.setItem("mindpeeker.admin.auth", JSON.stringify({ ...auth, token: "revoked" }));
            }
            """);

        await browser.NavigateAsync("circuit-breakers", "Circuit breakers");

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Table, new() { Name = "Circuit breakers" })).ToBeVisibleAsync();
        (await browser.Page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('mindpeeker.admin.auth')).token"))
            .Should().NotBe("revoked");
        await Assertions.Expect(browser.Page.Locator("#login-view")).ToBeHiddenAsync();
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_data_is_shown()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);

        await browser.SignInAsync(fixture.AdminEmail, "not the password");

        await Assertions.Expect(browser.Page.Locator("#login-error")).ToHaveTextAsync("Invalid email or password.");
        await Assertions.Expect(browser.Page.Locator("#app-view")).ToBeHiddenAsync();
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task A_signed_in_user_without_the_admin_role_sees_that_the_admin_role_is_required()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);

        await browser.SignInAsync(fixture.UserEmail, DashboardFixture.Password);

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Admin role required" })).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("#forbidden-user")).ToHaveTextAsync(fixture.UserEmail);
        await Assertions.Expect(browser.Page.Locator("#app-view")).ToBeHiddenAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Navigation)).ToBeHiddenAsync();
        await browser.ScreenshotAsync("admin-role-required");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in as another user" }).ClickAsync();
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        browser.Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Signing_out_returns_to_the_form_and_forgets_the_tokens()
    {
        await using var browser = await DashboardBrowser.OpenAsync(fixture);
        await browser.SignInAsAdminAsync(fixture);

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "disconnected");
        (await browser.Page.EvaluateAsync<int>("() => sessionStorage.length")).Should().Be(0);
        browser.Errors.Should().BeEmpty();
    }
}
