using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Security;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

/// <summary>
/// The in-memory test server has no network peer, so these give each client the peer address a real connection
/// would have (through <see cref="RemoteAddressStartupFilter"/>): the only way to act as several clients in one test.
/// </summary>
internal static class ClientIps
{
    public static WebApplicationFactory<MindPeeker.Silo.Program> WithClientIps(this ApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, RemoteAddressStartupFilter>()));

    public static HttpClient ClientFrom(this WebApplicationFactory<MindPeeker.Silo.Program> factory, string ip)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(RemoteAddressStartupFilter.Header, ip);
        return client;
    }
}
