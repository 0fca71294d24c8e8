using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.Benchmarks.Hosting;

/// <summary>
/// The real silo with its co-hosted front end, in the benchmark's process on a real Kestrel loopback
/// socket, so clients connect over TCP while the benchmark can still reach the silo's services.
/// Each scenario passes its settings (for example rate limits) and extra services.
/// </summary>
internal sealed class BenchmarkHost(
    string connectionString,
    IReadOnlyDictionary<string, string?> settings,
    Action<IServiceCollection>? services) : WebApplicationFactory<MindPeeker.Silo.Program>
{
    /// <summary>A random master key, the same for every host of this benchmark run (scenarios may override it).</summary>
    private static readonly string MasterKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public static BenchmarkHost Start(string connectionString, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var host = new BenchmarkHost(connectionString, settings, services);
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
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");

        // A one-silo cluster of its own on a free port, as the real silo runs by default.
        builder.UseSetting("Silo:ClusterId", "bench-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Silo:Endpoints:SiloPort", "0");
        builder.UseSetting("Silo:Endpoints:ListenAddress", "127.0.0.1");

        // Production refuses to start without a master key for integration credentials and webhook secrets.
        builder.UseSetting("Integrations:Credentials:MasterKeys:1", MasterKey);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
