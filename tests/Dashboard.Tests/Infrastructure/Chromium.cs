using Microsoft.Playwright;

namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>MINDPEEKER_CHROMIUM</c>) driven by Playwright, headless. Playwright's
/// own browser downloads are never used. A missing browser fails the test with what to run, never skips it.
/// </summary>
internal static class Chromium
{
    public const string PathVariable = "MINDPEEKER_CHROMIUM";

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}. The dashboard's browser tests drive Debian's Chromium: run "
                + "./scripts/test, which installs it (apt-get install -y chromium), or set "
                + $"{PathVariable} to a Chromium binary.");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }
}
