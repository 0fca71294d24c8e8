using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.Dashboard.Tests.Infrastructure;

/// <summary>
/// The real silo with the co-hosted front end over a real PostgreSQL database, alone in a fresh cluster. With
/// <c>onKestrel</c> it listens on a free loopback port (<see cref="BaseAddress"/>) so a browser can reach it; without,
/// it runs on the in-memory test server. <c>Identity:AdminEmails</c> lists the given admin email. The
/// sign-in and session-creation limits are raised because the tests sign in and create sessions far more often
/// than a person would; the other limits keep their defaults.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<MindPeeker.Silo.Program>
{
    private readonly string _connectionString;
    private readonly string _adminEmail;

    public DashboardHost(string connectionString, string adminEmail, bool onKestrel)
    {
        _connectionString = connectionString;
        _adminEmail = adminEmail;
        if (onKestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>The Kestrel address, e.g. <c>http://127.0.0.1:40123</c> (after <see cref="StartOnKestrel"/>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the host on Kestrel and records the address it bound.</summary>
    public void StartOnKestrel()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Information");
        builder.UseSetting("Logging:LogLevel:Microsoft", "Warning");
        builder.UseSetting("Logging:LogLevel:System", "Warning");
        builder.UseSetting("Silo:ClusterId", "dashboard-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Silo:Endpoints:SiloPort", "0");
        builder.UseSetting("Silo:Endpoints:ListenAddress", "127.0.0.1");
        builder.UseSetting("ConnectionStrings:MindPeeker", _connectionString);
        builder.UseSetting("Identity:AdminEmails:0", _adminEmail);
        builder.UseSetting("RateLimiting:AuthAttempts:PermitLimit", "1000");
        builder.UseSetting("RateLimiting:SessionCreation:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:Default:Basic", "100000");
    }
}
