using System.Net;
using System.Net.Http.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Integrations;

public sealed class IntegrationsAccessTests(IntegrationsApiFixture fixture) : IClassFixture<IntegrationsApiFixture>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "" }, { "PATCH", "" }, { "DELETE", "" }, { "POST", "/test" }, { "POST", "/connect" }, { "POST", "/disconnect" },
        { "POST", "/sync" }, { "POST", "/sync/stop" }, { "GET", "/health" }, { "GET", "/metrics" }, { "GET", "/logs" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_users_integration_is_404_on_every_route_and_stays_untouched(string method, string suffix)
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        using var created = await owner.PostAsJsonAsync("/v1/integrations", IntegrationRequests.Webhook(fixture.Platform, "private"));
        var id = (await TestAccounts.ReadDataAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var stranger = fixture.ClientFor(fixture.Stranger);

        using var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/integrations/{id}{suffix}")
        {
            Content = method == "PATCH" ? JsonContent.Create(new { name = "taken" }) : null,
        };
        using var response = await stranger.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var mine = await owner.GetAsync($"/v1/integrations/{id}");
        (await TestAccounts.ReadDataAsync(mine, HttpStatusCode.OK)).GetProperty("name").GetString().Should().Be("n8n workflow");
        fixture.Platform.Requests.Should().NotContain(r => r.Path == "/hooks/private");
    }

    [Fact]
    public async Task Without_credentials_the_api_answers_401_and_a_read_only_key_cannot_create()
    {
        using var anonymous = fixture.AnonymousClient();
        using var owner = fixture.ClientFor(fixture.Owner);
        var key = await TestAccounts.CreateApiKeyAsync(owner, fixture.Owner, new[] { new { resource = "integrations", actions = new[] { "read" } } });
        using var readOnly = fixture.AnonymousClient().WithApiKey(key);

        using var unauthenticated = await anonymous.GetAsync("/v1/integrations");
        using var forbidden = await readOnly.PostAsJsonAsync("/v1/integrations", IntegrationRequests.OpenAi(fixture.Platform));
        using var allowed = await readOnly.GetAsync("/v1/integrations");

        unauthenticated.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        allowed.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
