using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.Benchmarks.RealtimeLatency;

/// <summary>
/// The real silo with its co-hosted front end, in this process on a real Kestrel socket, so Node
/// clients connect over TCP while the benchmark reaches the grains directly. Rate limiting is off:
/// this scenario measures delivery, and 1,000 sessions from one user would otherwise be refused.
/// </summary>
internal sealed class BenchmarkHost(string connectionString) : WebApplicationFactory<MindPeeker.Silo.Program>
{
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public static BenchmarkHost Start(string connectionString)
    {
        var host = new BenchmarkHost(connectionString);
        host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The silo's appsettings.json and models are copied next to this program.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:MindPeeker", connectionString);
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
    }
}
