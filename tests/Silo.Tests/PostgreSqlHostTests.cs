using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Runtime;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Silo.Tests;

public sealed class PostgreSqlHostTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task Ready_checks_PostgreSQL_and_grain_state_lands_in_it()
    {
        await using var factory = SiloFactory.OnPostgreSql(database.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString().Should().Be("healthy");

        var visits = await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IVisitCounterGrain>("home").Visit();
        visits.Should().Be(1);
        await using var command = database.DataSource.CreateCommand(
            "SELECT payload->>'count' FROM grain_state WHERE grain_type = 'visitcounter' AND grain_key = 'home' AND state_name = 'visits'");
        (await command.ExecuteScalarAsync()).Should().Be("1");
    }

    [Fact]
    public async Task State_survives_a_silo_restart()
    {
        await using (var first = SiloFactory.OnPostgreSql(database.ConnectionString))
        {
            await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IVisitCounterGrain>("restart").Visit();
        }

        await using var second = SiloFactory.OnPostgreSql(database.ConnectionString);
        (await second.Services.GetRequiredService<IGrainFactory>().GetGrain<IVisitCounterGrain>("restart").Visit()).Should().Be(2);
    }

    [Fact]
    public async Task An_unreachable_database_fails_start_up_with_a_message_naming_it_but_not_the_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = 1,
            Password = "s3cret-pass",
            Timeout = 2,
        }.ConnectionString;
        await using var factory = SiloFactory.OnPostgreSql(unreachable);

        var start = () => factory.CreateClient();

        var failure = start.Should().Throw<Exception>().Which;
        var message = failure.ToString();
        message.Should().Contain("host '127.0.0.1', port 1,");
        message.Should().NotContain("s3cret-pass");
    }
}
