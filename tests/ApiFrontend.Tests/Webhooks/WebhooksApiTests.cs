using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;

namespace MindPeeker.ApiFrontend.Tests.Webhooks;

public sealed class WebhooksApiTests(WebhooksApiFixture fixture) : IClassFixture<WebhooksApiFixture>
{
    private static readonly string[] Completed = ["session.completed"];

    [Fact]
    public async Task Create_shows_the_secret_once_and_get_and_list_never_again()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        using var response = await client.PostAsJsonAsync("/v1/webhooks", new { url = fixture.Receiver.Url, events = Completed, description = "crm" });
        var created = await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        response.Headers.Location!.ToString().Should().Be($"/v1/webhooks/{id}");
        created.GetProperty("secret").GetString().Should().MatchRegex("^whsec_[A-Za-z0-9+/]+=*$");
        created.GetProperty("status").GetString().Should().Be("enabled");

        var fetched = await SessionRequests.GetDataAsync(client, $"/v1/webhooks/{id}");
        HasSecret(fetched).Should().BeFalse();
        fetched.GetProperty("description").GetString().Should().Be("crm");
        var list = await SessionRequests.GetDataAsync(client, "/v1/webhooks?limit=100");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Select(e => e.GetProperty("id").GetString()).Should().Contain(id);
        items.Where(HasSecret).Should().BeEmpty("the secret is never listed");
    }

    [Fact]
    public async Task A_given_secret_is_kept_and_an_invalid_one_refused()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var secret = "whsec_" + Convert.ToBase64String(new byte[32]).TrimEnd('=');
        using var ok = await client.PostAsJsonAsync("/v1/webhooks", new { url = fixture.Receiver.Url, events = Completed, secret });
        (await TestAccounts.ReadDataAsync(ok, HttpStatusCode.Created)).GetProperty("secret").GetString().Should().Be("whsec_" + Convert.ToBase64String(new byte[32]));

        using var tooShort = await client.PostAsJsonAsync("/v1/webhooks", new { url = fixture.Receiver.Url, events = Completed, secret = "whsec_" + Convert.ToBase64String(new byte[8]) });
        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(tooShort, HttpStatusCode.BadRequest)).Should().Equal("secret");
    }

    [Fact]
    public async Task Invalid_bodies_get_400_naming_the_fields()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        using var response = await client.PostAsJsonAsync("/v1/webhooks", new { url = "ftp://example.com/x", events = new[] { "session.exploded" } });
        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest)).Should().BeEquivalentTo("url", "events");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://10.0.0.7/hook")]
    public async Task Urls_the_address_policy_refuses_get_400_with_the_reason(string url)
    {
        using var client = fixture.ClientFor(fixture.Owner);
        using var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = Completed });
        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal("url");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Another_users_endpoint_is_404_everywhere()
    {
        var id = await CreateAsync(fixture.ClientFor(fixture.Owner));
        using var stranger = fixture.ClientFor(fixture.Stranger);
        (await stranger.GetAsync($"/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PatchAsJsonAsync($"/v1/webhooks/{id}", new { description = "mine" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/v1/webhooks/{id}/deliveries")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/v1/webhooks/{id}/test", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsync($"/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.PostAsJsonAsync($"/v1/webhooks/{id}/recover", new { since = TimeProvider.System.GetUtcNow().AddDays(-1) })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await SessionRequests.GetDataAsync(stranger, "/v1/webhooks")).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Patch_changes_settings_and_delete_removes_the_endpoint()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = await CreateAsync(client);
        using var patched = await client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { events = new[] { "session.failed", "user.updated" }, status = "disabled" });
        var data = await TestAccounts.ReadDataAsync(patched, HttpStatusCode.OK);
        data.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Should().Equal("session.failed", "user.updated");
        data.GetProperty("status").GetString().Should().Be("disabled");

        using var invalid = await client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { status = "paused" });
        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(invalid, HttpStatusCode.BadRequest)).Should().Equal("status");

        (await client.DeleteAsync($"/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.GetAsync($"/v1/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Test_event_is_delivered_listed_and_can_be_retried_with_the_same_webhook_id()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = await CreateAsync(client);
        using var test = await client.PostAsync($"/v1/webhooks/{id}/test", null);
        var eventId = (await TestAccounts.ReadDataAsync(test, HttpStatusCode.Accepted)).GetProperty("event_id").GetString()!;
        await fixture.Receiver.WaitForAsync(r => r.Any(x => x.WebhookId == eventId && x.Type == "webhook.test"));

        var delivery = await SucceededAsync(client, id, eventId);
        using var retry = await client.PostAsync($"/v1/webhooks/{id}/deliveries/{delivery.GetProperty("id").GetString()}/retry", null);
        retry.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await fixture.Receiver.WaitForAsync(r => r.Count(x => x.WebhookId == eventId) >= 2);

        (await client.PostAsync($"/v1/webhooks/{id}/deliveries/{Guid.NewGuid()}/retry", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var badFilter = await client.GetAsync($"/v1/webhooks/{id}/deliveries?status=lost");
        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(badFilter, HttpStatusCode.BadRequest)).Should().Equal("status");
        (await SessionRequests.GetDataAsync(client, $"/v1/webhooks/{id}/deliveries?status=dead")).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Recover_needs_a_past_since_and_answers_how_many_it_resends()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = await CreateAsync(client);
        using var missing = await client.PostAsJsonAsync($"/v1/webhooks/{id}/recover", new { });
        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(missing, HttpStatusCode.BadRequest)).Should().Equal("since");

        using var recovered = await client.PostAsJsonAsync($"/v1/webhooks/{id}/recover", new { since = TimeProvider.System.GetUtcNow().AddDays(-1) });
        (await TestAccounts.ReadDataAsync(recovered, HttpStatusCode.Accepted)).GetProperty("recovered").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_endpoint()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var json = JsonSerializer.Serialize(new { url = fixture.Receiver.Url, events = Completed });
        var key = Guid.NewGuid().ToString();
        using var first = await SessionRequests.PostJsonAsync(client, "/v1/webhooks", json, key);
        using var second = await SessionRequests.PostJsonAsync(client, "/v1/webhooks", json, key);
        var a = await TestAccounts.ReadDataAsync(first, HttpStatusCode.Created);
        var b = await TestAccounts.ReadDataAsync(second, HttpStatusCode.Created);
        b.GetProperty("id").GetString().Should().Be(a.GetProperty("id").GetString());
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
    }

    [Fact]
    public async Task A_completed_session_publishes_session_completed()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        await CreateAsync(client);
        var session = await SessionRequests.CreateAsync(client);
        var sessionId = session.GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Host.Updates, sessionId);

        var received = await fixture.Receiver.WaitForAsync(r => r.Any(x => x.Type == "session.completed"));
        received.Should().Contain(x => x.Type == "session.completed");
    }

    private static bool HasSecret(JsonElement endpoint) => endpoint.TryGetProperty("secret", out _);

    private async Task<string> CreateAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/v1/webhooks", new { url = fixture.Receiver.Url, events = Completed });
        return (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SucceededAsync(HttpClient client, string id, string eventId)
    {
        // The receiver has answered; the grain records the outcome right after, so the list catches up at once.
        for (var attempt = 0; ; attempt++)
        {
            var page = await SessionRequests.GetDataAsync(client, $"/v1/webhooks/{id}/deliveries?status=succeeded");
            var match = page.GetProperty("items").EnumerateArray().FirstOrDefault(d => d.GetProperty("event_id").GetString() == eventId);
            if (match.ValueKind == JsonValueKind.Object || attempt == 200)
            {
                match.ValueKind.Should().Be(JsonValueKind.Object, "the delivery was recorded as succeeded");
                match.GetProperty("attempts").GetInt32().Should().Be(1);
                match.GetProperty("event_type").GetString().Should().Be("webhook.test");
                return match;
            }
        }
    }
}
