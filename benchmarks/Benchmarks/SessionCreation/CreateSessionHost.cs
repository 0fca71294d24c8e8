using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>
/// The real silo with its co-hosted front end on a Kestrel loopback socket, rate limiting ON (limits
/// raised so the benchmark measures the check, not refusals), plus the baseline endpoint
/// <see cref="BaselineInsertEndpoint.Path"/> in the same process.
/// </summary>
internal sealed class CreateSessionHost(string connectionString) : WebApplicationFactory<MindPeeker.Silo.Program>
{
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public static CreateSessionHost Start(string connectionString)
    {
        var host = new CreateSessionHost(connectionString);
        host.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:MindPeeker", connectionString);
        builder.UseSetting("RateLimiting:SessionCreation:PermitLimit", "1000000");
        builder.UseSetting("RateLimiting:AuthAttempts:PermitLimit", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, BaselineInsertEndpoint>());
    }
}
