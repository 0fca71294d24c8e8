using System.Net;
using System.Text.Json;
using MindPeeker.TestSupport;

namespace MindPeeker.Silo.Tests;

public sealed class HealthEndpointTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task Live_answers_200_without_checking_dependencies()
    {
        await using var factory = SiloFactory.OnPostgreSql(database.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("X-Request-Id").Single().Should().MatchRegex("^req_[0-9a-f]{24}$");
    }

    [Fact]
    public async Task Ready_reports_the_active_silo()
    {
        await using var factory = SiloFactory.OnPostgreSql(database.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.RootElement.GetProperty("status").GetString().Should().Be("healthy");
        body.RootElement.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString().Should().Be("healthy");
    }

    [Fact]
    public async Task Unknown_routes_answer_problem_json_with_the_request_id()
    {
        await using var factory = SiloFactory.OnPostgreSql(database.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/v1/nothing-here", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.RootElement.GetProperty("success").GetBoolean().Should().BeFalse();
        body.RootElement.GetProperty("status").GetInt32().Should().Be(404);
        body.RootElement.GetProperty("requestId").GetString().Should().Be(response.Headers.GetValues("X-Request-Id").Single());
    }
}
