using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>
/// The admin hub with the official <c>@microsoft/signalr</c> client (the one the dashboard's pages use), run by
/// Node against the real silo and front end on a Kestrel loopback socket.
/// </summary>
public sealed class AdminHubBrowserClientTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_official_signalr_client_receives_snapshots_as_an_admin_and_is_refused_as_a_user()
    {
        var adminEmail = $"admin_{Guid.NewGuid():N}@example.com";
        await using var factory = new ApiFactory(database.ConnectionString, new Dictionary<string, string?>
        {
            ["Identity:AdminEmails:0"] = adminEmail,
            ["Dashboard:CollectionInterval"] = "00:00:00.250",
        });
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var user = await TestAccounts.RegisterAsync(http, "hubuser");
        var admin = await TestAccounts.RegisterAdminAsync(http, adminEmail);

        var outcome = await RunNodeAsync(address, admin.AccessToken, user.AccessToken);

        outcome.GetProperty("snapshots").GetInt32().Should().Be(2);
        outcome.GetProperty("silos").GetInt32().Should().Be(1);
        outcome.GetProperty("silo_status").GetString().Should().Be("Active");
        outcome.GetProperty("has_top").GetBoolean().Should().BeTrue();
        outcome.GetProperty("ascending").GetBoolean().Should().BeTrue();
        outcome.GetProperty("user_outcome").GetString().Should().Contain("Status code '403'").And.Contain("Insufficient permissions");
    }

    private static async Task<JsonElement> RunNodeAsync(params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "ApiFrontend.Tests", "Dashboard", "admin-hub-client.cjs");
        var startInfo = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Patience);
        var output = (await stdout).Trim();
        process.ExitCode.Should().Be(0, $"node should succeed; stdout: {output} stderr: {await stderr}");
        return JsonDocument.Parse(output.Split('\n')[^1]).RootElement.Clone();
    }
}
