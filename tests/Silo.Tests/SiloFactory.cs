using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime.Hosting;

namespace MindPeeker.Silo.Tests;

/// <summary>The real silo process (co-hosted front end) on a test server, with this assembly's grains added.</summary>
public sealed class SiloFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    public static SiloFactory OnPostgreSql(string connectionString) =>
        new(new Dictionary<string, string?> { ["ConnectionStrings:MindPeeker"] = connectionString });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Each test host is a one-silo cluster of its own, even when tests share a database; the OS picks a free silo port.
        builder.UseSetting("Silo:ClusterId", "test-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Silo:Endpoints:SiloPort", "0");
        builder.UseSetting("Silo:Endpoints:ListenAddress", "127.0.0.1");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
            services.Configure<GrainAssemblyOptions>(options => options.Assemblies.Add(typeof(SiloFactory).Assembly)));
    }
}
