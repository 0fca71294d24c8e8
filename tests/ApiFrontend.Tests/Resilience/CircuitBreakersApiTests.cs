using System.Net;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using Npgsql;

namespace MindPeeker.ApiFrontend.Tests.Resilience;

public sealed class CircuitBreakersApiTests(CircuitBreakersApiFixture fixture) : IClassFixture<CircuitBreakersApiFixture>
{
    private const string Path = "/v1/admin/circuit-breakers";

    private readonly string _tag = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Admins_list_known_breakers_with_state_failure_ratio_throughput_and_retry_after()
    {
        var healthy = $"webhook:{_tag}";
        var failing = $"ai:nim:{_tag}";
        await fixture.KnownBreakerAsync(healthy, 10, 0);
        await fixture.KnownBreakerAsync(failing, 1, 9);
        using var client = fixture.ClientFor(fixture.Admin);

        using var response = await client.GetAsync(Path + "?limit=100");
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);

        var items = data.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("dependency").GetString()!);
        items[healthy].GetProperty("state").GetString().Should().Be("closed");
        items[healthy].GetProperty("throughput").GetInt32().Should().Be(10);
        items[healthy].GetProperty("retry_after").ValueKind.Should().Be(JsonValueKind.Null);
        var open = items[failing];
        open.GetProperty("state").GetString().Should().Be("open");
        open.GetProperty("failure_ratio").GetDouble().Should().Be(0.9);
        open.GetProperty("throughput").GetInt32().Should().Be(10);
        open.GetProperty("retry_after").GetInt32().Should().BeInRange(50, 60);
        open.GetProperty("next_trial_at").GetDateTimeOffset().Should().BeAfter(open.GetProperty("opened_at").GetDateTimeOffset());
        open.GetProperty("isolated").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_list_pages_with_limit_and_a_dependency_cursor()
    {
        for (var i = 0; i < 3; i++)
        {
            await fixture.KnownBreakerAsync($"webhook:{_tag}-{i}", 1, 0);
        }

        using var client = fixture.ClientFor(fixture.Admin);
        using var first = await client.GetAsync(Path + "?limit=2");
        var page = await TestAccounts.ReadDataAsync(first, HttpStatusCode.OK);
        var cursor = page.GetProperty("next_cursor").GetString()!;
        using var second = await client.GetAsync($"{Path}?limit=2&starting_after={Uri.EscapeDataString(cursor)}");
        var next = await TestAccounts.ReadDataAsync(second, HttpStatusCode.OK);

        page.GetProperty("items").GetArrayLength().Should().Be(2);
        page.GetProperty("has_more").GetBoolean().Should().BeTrue();
        cursor.Should().Be(page.GetProperty("items")[1].GetProperty("dependency").GetString());
        next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dependency").GetString())
            .Should().NotContain(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dependency").GetString()));
    }

    [Fact]
    public async Task A_dependency_with_colons_and_a_slash_is_addressed_as_one_url_encoded_segment()
    {
        var dependency = $"ai:nim:qwen/qwen3.5-397b-a17b-{_tag}";
        await fixture.KnownBreakerAsync(dependency, 2, 0);
        using var client = fixture.ClientFor(fixture.Admin);

        using var response = await client.GetAsync($"{Path}/{Uri.EscapeDataString(dependency)}");
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);

        data.GetProperty("dependency").GetString().Should().Be(dependency);
        data.GetProperty("throughput").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Isolate_then_reset_change_the_state_and_are_audited_with_the_admin_as_actor()
    {
        var dependency = $"webhook:{_tag}";
        await fixture.KnownBreakerAsync(dependency, 1, 0);
        using var client = fixture.ClientFor(fixture.Admin);
        var encoded = Uri.EscapeDataString(dependency);

        using var isolate = await client.PostAsync($"{Path}/{encoded}/isolate", null);
        var isolated = await TestAccounts.ReadDataAsync(isolate, HttpStatusCode.OK);
        using var get = await client.GetAsync($"{Path}/{encoded}");
        var afterIsolate = await TestAccounts.ReadDataAsync(get, HttpStatusCode.OK);
        using var reset = await client.PostAsync($"{Path}/{encoded}/reset", null);
        var closed = await TestAccounts.ReadDataAsync(reset, HttpStatusCode.OK);

        isolated.GetProperty("state").GetString().Should().Be("isolated");
        isolated.GetProperty("isolated").GetBoolean().Should().BeTrue();
        afterIsolate.GetProperty("state").GetString().Should().Be("isolated");
        closed.GetProperty("state").GetString().Should().Be("closed");
        (await AuditRowsAsync(dependency)).Should().Equal(
            ("circuit_breaker.isolated", fixture.Admin.UserId),
            ("circuit_breaker.reset", fixture.Admin.UserId));
    }

    [Fact]
    public async Task Users_without_the_admin_role_get_403_on_every_breaker_endpoint()
    {
        var dependency = Uri.EscapeDataString($"webhook:{_tag}");
        await fixture.KnownBreakerAsync($"webhook:{_tag}", 1, 0);
        using var client = fixture.ClientFor(fixture.User);

        using var list = await client.GetAsync(Path);
        using var get = await client.GetAsync($"{Path}/{dependency}");
        using var isolate = await client.PostAsync($"{Path}/{dependency}/isolate", null);
        using var reset = await client.PostAsync($"{Path}/{dependency}/reset", null);

        new[] { list, get, isolate, reset }.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Forbidden);
        isolate.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await AuditRowsAsync($"webhook:{_tag}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Unknown_dependencies_answer_404_and_a_bad_limit_answers_400_as_problem_json()
    {
        using var client = fixture.ClientFor(fixture.Admin);

        using var missing = await client.GetAsync($"{Path}/{Uri.EscapeDataString($"ai:none:{_tag}")}");
        using var isolateMissing = await client.PostAsync($"{Path}/{Uri.EscapeDataString($"ai:none:{_tag}")}/isolate", null);
        using var badLimit = await client.GetAsync(Path + "?limit=0");

        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        isolateMissing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badLimit.Content.ReadAsStringAsync()).Should().Contain("limit");
    }

    private async Task<List<(string Action, Guid? Actor)>> AuditRowsAsync(string dependency)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            "SELECT action, actor_user_id FROM audit_log WHERE resource_type = 'circuit_breaker' AND resource_id = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dependency });
        var rows = new List<(string, Guid?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1)));
        }

        return rows;
    }
}
