using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>
/// One browser tab on the dashboard in a fresh context: signs in through the form, follows the navigation, takes
/// screenshots, and records every console error, uncaught exception and CSP violation the page produced.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    /// <summary>How long a live number or a pushed page may take to appear (pushes come every second).</summary>
    public static readonly TimeSpan LiveTimeout = TimeSpan.FromSeconds(60);

    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _webSockets = new();

    private DashboardBrowser(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // A refused API call is logged by the browser as "Failed to load resource"; the pages handle those.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _errors.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
        page.WebSocket += (_, socket) => _webSockets.Enqueue(socket.Url);
    }

    public IPage Page { get; }

    /// <summary>Console errors (CSP violations are reported there too) and uncaught exceptions so far; failed requests are not errors here.</summary>
    public IReadOnlyCollection<string> Errors => _errors.ToArray();

    /// <summary>The URLs of the WebSockets the page opened.</summary>
    public IReadOnlyCollection<string> WebSocketUrls => _webSockets.ToArray();

    public static async Task<DashboardBrowser> OpenAsync(DashboardFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
        });
        context.SetDefaultTimeout((float)LiveTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var browser = new DashboardBrowser(context, page);
        await page.GotoAsync("/admin");
        return browser;
    }

    /// <summary>Fills the sign-in form and submits it.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Signs in as an admin and waits until the hub connection is live.</summary>
    public async Task SignInAsAdminAsync(DashboardFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        await SignInAsync(fixture.AdminEmail, DashboardFixture.Password);
        await Assertions.Expect(Page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = (float)LiveTimeout.TotalMilliseconds });
    }

    /// <summary>Clicks the navigation link named <paramref name="title"/> and waits until that page is shown.</summary>
    public async Task NavigateAsync(string pageId, string title)
    {
        await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#page")).ToHaveAttributeAsync("data-page", pageId);
        await Assertions.Expect(Page.Locator("#page-title")).ToHaveTextAsync(title);
    }

    /// <summary>Saves a full-page screenshot as <c>screenshots/&lt;name&gt;.png</c> and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(DashboardFixture.ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
