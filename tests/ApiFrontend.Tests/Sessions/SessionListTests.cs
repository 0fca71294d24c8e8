using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

public sealed class SessionListTests(SessionsApiFixture fixture) : IClassFixture<SessionsApiFixture>
{
    [Fact]
    public async Task Pages_run_newest_first_and_the_cursor_continues_where_the_last_page_ended()
    {
        using var client = await FreshUserClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: $"cue {i}"))).GetProperty("id").GetGuid());
        }

        var first = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=2");
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await SessionRequests.GetDataAsync(client, $"/v1/sessions?limit=2&starting_after={cursor}");

        Ids(first).Should().Equal(ids[2], ids[1]);
        first.GetProperty("has_more").GetBoolean().Should().BeTrue();
        cursor.Should().Be(ids[1].ToString());
        Ids(second).Should().Equal(ids[0]);
        second.GetProperty("has_more").GetBoolean().Should().BeFalse();
        second.GetProperty("next_cursor").ValueKind.Should().Be(JsonValueKind.Null);
        var all = await SessionRequests.GetDataAsync(client, "/v1/sessions");
        Ids(all).Should().Equal(ids[2], ids[1], ids[0]);
    }

    [Fact]
    public async Task Updated_since_and_status_select_the_sessions_that_changed_and_that_are_in_a_status()
    {
        using var client = await FreshUserClientAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();
            await SessionRequests.CompletedAsync(client, fixture.Updates, id);
            ids.Add(id);
        }

        using var patch = await client.PatchAsJsonAsync($"/v1/sessions/{ids[0]}", new { metadata = new { touched = true } });
        var since = (await TestAccounts.ReadDataAsync(patch, HttpStatusCode.OK)).GetProperty("updated_at").GetDateTimeOffset();
        var changed = await SessionRequests.GetDataAsync(client, $"/v1/sessions?updated_since={Uri.EscapeDataString(since.ToString("O"))}");
        var completed = await SessionRequests.GetDataAsync(client, "/v1/sessions?status=completed");
        var pending = await SessionRequests.GetDataAsync(client, "/v1/sessions?status=pending");

        Ids(changed).Should().Equal(ids[0]);
        Ids(completed).Should().Equal(ids[2], ids[1], ids[0]);
        Ids(pending).Should().BeEmpty();
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("starting_after=not-a-uuid", "starting_after")]
    [InlineData("updated_since=yesterday", "updated_since")]
    [InlineData("updated_since=2026-01-01", "updated_since")]
    [InlineData("status=done", "status")]
    [InlineData("limit=5&limit=6", "limit")]
    public async Task An_invalid_query_answers_400_naming_the_parameter(string query, string field)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.GetAsync(new Uri($"/v1/sessions?{query}", UriKind.Relative));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal(field);
    }

    [Fact]
    public async Task A_cursor_that_is_not_one_of_your_sessions_answers_400()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        using var stranger = fixture.ClientFor(fixture.Stranger);
        var theirs = (await SessionRequests.CreateAsync(owner)).GetProperty("id").GetGuid();

        foreach (var cursor in new[] { Guid.NewGuid(), theirs })
        {
            using var response = await stranger.GetAsync(new Uri($"/v1/sessions?starting_after={cursor}", UriKind.Relative));
            SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest)).Should().Equal("starting_after");
        }
    }

    private async Task<HttpClient> FreshUserClientAsync()
    {
        using var anonymous = fixture.Host.CreateClient();
        return fixture.ClientFor(await TestAccounts.RegisterAsync(anonymous, "lister"));
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
}
