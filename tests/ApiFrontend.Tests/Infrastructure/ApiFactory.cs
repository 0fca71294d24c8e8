using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MindPeeker.ApiFrontend.Tests.Infrastructure;

/// <summary>
/// The real silo with the co-hosted front end on a test server, over a real PostgreSQL database.
/// Extra settings override configuration (for example rate limits or token lifetimes).
/// </summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<MindPeeker.Silo.Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Each test host is a one-silo cluster of its own, even when tests share a database; the OS picks a free silo port.
        builder.UseSetting("Silo:ClusterId", "test-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Silo:Endpoints:SiloPort", "0");
        builder.UseSetting("Silo:Endpoints:ListenAddress", "127.0.0.1");
        builder.UseSetting("ConnectionStrings:MindPeeker", connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
