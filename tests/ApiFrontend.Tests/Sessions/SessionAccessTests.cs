using System.Net;
using System.Net.Http.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

public sealed class SessionAccessTests(SessionsApiFixture fixture) : IClassFixture<SessionsApiFixture>
{
    [Fact]
    public async Task Another_users_session_answers_404_on_every_route_and_stays_untouched()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        using var stranger = fixture.ClientFor(fixture.Stranger);
        var id = (await SessionRequests.CreateAsync(owner, SessionRequests.Body(metadata: new { label = "mine" }))).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(owner, fixture.Updates, id);

        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => stranger.GetAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative)),
            () => stranger.GetAsync(new Uri($"/v1/sessions/{id}/results", UriKind.Relative)),
            () => stranger.GetAsync(new Uri($"/v1/sessions/{id}/events", UriKind.Relative)),
            () => stranger.PatchAsJsonAsync($"/v1/sessions/{id}", new { metadata = new { label = "theirs" } }),
            () => stranger.PostAsync(new Uri($"/v1/sessions/{id}/cancel", UriKind.Relative), null),
            () => stranger.DeleteAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative)),
        };
        foreach (var attempt in attempts)
        {
            using var response = await attempt();
            await SessionRequests.ReadProblemAsync(response, HttpStatusCode.NotFound);
        }

        var session = await SessionRequests.GetDataAsync(owner, $"/v1/sessions/{id}");
        session.GetProperty("metadata").GetProperty("label").GetString().Should().Be("mine");
        var theirList = await SessionRequests.GetDataAsync(stranger, "/v1/sessions?limit=100");
        theirList.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Should().NotContain(id);
    }

    [Fact]
    public async Task An_admin_may_read_any_users_session()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        using var admin = fixture.ClientFor(fixture.Admin);
        var id = (await SessionRequests.CreateAsync(owner)).GetProperty("id").GetGuid();

        var session = await SessionRequests.GetDataAsync(admin, $"/v1/sessions/{id}");

        session.GetProperty("user_id").GetGuid().Should().Be(fixture.Owner.UserId);
    }

    [Fact]
    public async Task A_read_only_api_key_lists_sessions_but_cannot_create_one_or_read_results()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(owner)).GetProperty("id").GetGuid();
        var key = await TestAccounts.CreateApiKeyAsync(owner, fixture.Owner, new[] { new { resource = "sessions", actions = new[] { "read" } } });
        using var readOnly = fixture.Host.CreateClient().WithApiKey(key);

        using var create = await readOnly.PostAsJsonAsync("/v1/sessions", SessionRequests.Body());
        using var results = await readOnly.GetAsync(new Uri($"/v1/sessions/{id}/results", UriKind.Relative));
        var listed = await SessionRequests.GetDataAsync(readOnly, "/v1/sessions?limit=100");

        (await SessionRequests.ReadProblemAsync(create, HttpStatusCode.Forbidden)).GetProperty("title").GetString().Should().Be("Insufficient permissions");
        await SessionRequests.ReadProblemAsync(results, HttpStatusCode.Forbidden);
        listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Should().Contain(id);
    }

    [Fact]
    public async Task An_api_key_with_session_and_analysis_rights_creates_and_reads_results()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        var key = await TestAccounts.CreateApiKeyAsync(owner, fixture.Owner, new[]
        {
            new { resource = "sessions", actions = new[] { "create", "read" } },
            new { resource = "analyses", actions = new[] { "read" } },
        });
        using var client = fixture.Host.CreateClient().WithApiKey(key);

        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, id);
        var results = await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}/results");

        results.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Without_credentials_every_route_answers_401()
    {
        using var anonymous = fixture.Host.CreateClient();

        using var list = await anonymous.GetAsync(new Uri("/v1/sessions", UriKind.Relative));
        using var create = await anonymous.PostAsJsonAsync("/v1/sessions", SessionRequests.Body());

        await SessionRequests.ReadProblemAsync(list, HttpStatusCode.Unauthorized);
        await SessionRequests.ReadProblemAsync(create, HttpStatusCode.Unauthorized);
    }
}
