using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MindPeeker.ApiFrontend.Observability.Metrics;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// A silo that does not co-host the front end serves no <c>/metrics</c> on its HTTP port (it has no authentication), but
/// its scrape listener serves the silo's own metrics.
/// </summary>
public sealed class SiloOnlyMetricsTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private ApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Silo:HostApiFrontend"] = "false",
            ["Metrics:InternalPort"] = "0",
            ["Metrics:InternalAddress"] = "127.0.0.1",
        });
    }

    [Fact]
    public async Task A_silo_without_front_end_is_scraped_on_its_internal_port()
    {
        using var http = _factory.CreateClient();
        using var mainPort = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var address = _factory.Services.GetServices<IHostedService>().OfType<InternalMetricsListener>().Single().Address!;
        using var scraper = new HttpClient { BaseAddress = address };

        using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative));

        mainPort.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
        scrape.Problems.Should().BeEmpty();
        scrape.Families.Keys.Should().Contain(["cluster_silos", "database_connections_max", "cpu_utilization_percent", "memory_utilization_percent"]);
        scrape.Families.Keys.Should().NotContain("http_requests_total", "a silo without front end answers no API requests");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
