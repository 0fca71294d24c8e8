using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;

namespace MindPeeker.Silo.Tests;

public sealed class AdminRuntimeTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task Runtime_reports_activation_counts_by_grain_type_in_the_envelope()
    {
        await using var factory = SiloFactory.OnPostgreSql(database.ConnectionString);
        using var client = factory.CreateClient();
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 3; i++)
        {
            await grains.GetGrain<IVisitCounterGrain>($"page-{i}").Visit();
        }

        using var response = await client.GetAsync(new Uri("/v1/admin/runtime", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var root = body.RootElement;
        root.GetProperty("success").GetBoolean().Should().BeTrue();
        root.GetProperty("requestId").GetString().Should().StartWith("req_");
        var data = root.GetProperty("data");
        data.GetProperty("status").GetString().Should().Be("Active");
        data.GetProperty("total_activations").GetInt32().Should().Be(3);
        data.GetProperty("activations_by_grain_type").GetProperty("visitcounter").GetInt32().Should().Be(3);
    }
}
