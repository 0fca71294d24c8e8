using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Integrations;

public sealed class IntegrationsApiTests(IntegrationsApiFixture fixture) : IClassFixture<IntegrationsApiFixture>
{
    private static readonly string[] Secrets = [IntegrationRequests.ApiKey, IntegrationRequests.HookSecret, IntegrationRequests.HookToken];

    [Fact]
    public async Task Create_answers_201_with_the_credential_field_names_and_never_the_credentials()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/integrations", IntegrationRequests.OpenAi(fixture.Platform));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        var data = JsonDocument.Parse(body).RootElement.GetProperty("data");
        var id = data.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/v1/integrations/{id}");
        data.GetProperty("status").GetString().Should().Be("disconnected");
        data.GetProperty("platform").GetString().Should().Be("openai_compatible");
        data.GetProperty("credential_fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("api_key");
        data.TryGetProperty("credentials", out _).Should().BeFalse();
        data.GetProperty("configuration").GetProperty("models").GetArrayLength().Should().Be(2);
        data.GetProperty("health").GetProperty("status").GetString().Should().Be("unknown");
        body.Should().NotContain(IntegrationRequests.ApiKey);
    }

    [Fact]
    public async Task A_whole_lifecycle_works_and_no_answer_ever_contains_a_credential()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var bodies = new List<string>();
        async Task<JsonElement> Call(HttpMethod method, string path, object? json, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            bodies.Add(body);
            response.StatusCode.Should().Be(expected, $"{method} {path}: {body}");
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
        }

        var created = await Call(HttpMethod.Post, "/v1/integrations", IntegrationRequests.Webhook(fixture.Platform, "lifecycle"), HttpStatusCode.Created);
        var path = $"/v1/integrations/{created.GetProperty("data").GetProperty("id").GetGuid()}";

        var test = await Call(HttpMethod.Post, $"{path}/test", null, HttpStatusCode.OK);
        var connected = await Call(HttpMethod.Post, $"{path}/connect", null, HttpStatusCode.OK);
        var sync = await Call(HttpMethod.Post, $"{path}/sync", null, HttpStatusCode.OK);
        var stopped = await Call(HttpMethod.Post, $"{path}/sync/stop", null, HttpStatusCode.OK);
        var health = await Call(HttpMethod.Get, $"{path}/health", null, HttpStatusCode.OK);
        var metrics = await Call(HttpMethod.Get, $"{path}/metrics", null, HttpStatusCode.OK);
        var logs = await Call(HttpMethod.Get, $"{path}/logs?limit=3", null, HttpStatusCode.OK);
        var patched = await Call(HttpMethod.Patch, path, new { name = "renamed", credentials = new { token = "replacement-token-xyz" } }, HttpStatusCode.OK);
        var disconnected = await Call(HttpMethod.Post, $"{path}/disconnect", null, HttpStatusCode.OK);
        var list = await Call(HttpMethod.Get, "/v1/integrations", null, HttpStatusCode.OK);
        await Call(HttpMethod.Delete, path, null, HttpStatusCode.NoContent);
        await Call(HttpMethod.Get, path, null, HttpStatusCode.NotFound);

        test.GetProperty("data").GetProperty("success").GetBoolean().Should().BeTrue();
        test.GetProperty("data").GetProperty("latency_ms").GetDouble().Should().BeGreaterThan(0);
        connected.GetProperty("data").GetProperty("status").GetString().Should().Be("connected");
        sync.GetProperty("data").GetProperty("state").GetString().Should().Be("running");
        sync.GetProperty("data").GetProperty("interval_seconds").GetInt32().Should().Be(300);
        stopped.GetProperty("data").GetProperty("state").GetString().Should().Be("stopped");
        health.GetProperty("data").GetProperty("status").GetString().Should().Be("healthy");
        metrics.GetProperty("data").GetProperty("total_calls").GetInt64().Should().Be(3);
        metrics.GetProperty("data").GetProperty("success_rate").GetDouble().Should().Be(1);
        metrics.GetProperty("data").GetProperty("latency_p95_ms").GetDouble().Should().BeGreaterThan(0);
        metrics.GetProperty("data").GetProperty("throughput_per_minute").GetDouble().Should().BeApproximately(3 / 60.0, 0.0001);
        var entries = logs.GetProperty("data").GetProperty("items").EnumerateArray().ToList();
        entries.Should().HaveCount(3);
        entries[0].GetProperty("operation").GetString().Should().Be("sync_stop");
        entries[1].GetProperty("operation").GetString().Should().Be("sync");
        entries[1].GetProperty("status_code").GetInt32().Should().Be(200);
        patched.GetProperty("data").GetProperty("name").GetString().Should().Be("renamed");
        patched.GetProperty("data").GetProperty("credential_fields").EnumerateArray().Select(f => f.GetString()).Should().Equal("token");
        disconnected.GetProperty("data").GetProperty("status").GetString().Should().Be("disconnected");
        list.GetProperty("data").GetProperty("items").EnumerateArray().Should().Contain(i => i.GetProperty("name").GetString() == "renamed");
        bodies.Should().NotContain(b => Secrets.Any(b.Contains) || b.Contains("replacement-token-xyz"));
        fixture.Platform.Requests.Where(r => r.Path == "/hooks/lifecycle").Should().HaveCount(3)
            .And.OnlyContain(r => r.Headers["Authorization"] == $"Bearer {IntegrationRequests.HookToken}");
    }

    [Fact]
    public async Task A_connection_test_reaches_the_openai_compatible_models_endpoint_and_reports_failures_clearly()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var good = await CreateAsync(client, IntegrationRequests.OpenAi(fixture.Platform));
        var wrongKey = await CreateAsync(client, new
        {
            name = "wrong key",
            type = "ai_provider",
            platform = "openai_compatible",
            credentials = new { api_key = "sk-wrong-key" },
            configuration = new { base_url = fixture.Platform.BaseUrl + "/v1", models = fixture.Platform.Models },
        });

        using var passed = await client.PostAsync($"/v1/integrations/{good}/test", null);
        using var failed = await client.PostAsync($"/v1/integrations/{wrongKey}/connect", null);

        var result = await TestAccounts.ReadDataAsync(passed, HttpStatusCode.OK);
        result.GetProperty("success").GetBoolean().Should().BeTrue();
        result.GetProperty("models").EnumerateArray().Select(m => m.GetString()).Should().Equal(fixture.Platform.Models);
        var integration = await TestAccounts.ReadDataAsync(failed, HttpStatusCode.OK);
        integration.GetProperty("status").GetString().Should().Be("error");
        integration.GetProperty("health").GetProperty("status").GetString().Should().Be("degraded");
        integration.GetProperty("health").GetProperty("last_error").GetString().Should().Contain("401");
    }

    [Fact]
    public async Task Over_its_rate_limit_an_integration_answers_429_with_retry_after_and_a_patch_lifts_it_at_once()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = await CreateAsync(client, IntegrationRequests.Webhook(fixture.Platform, "limited", new { algorithm = "fixed_window", limit = 1, window_seconds = 3600 }));

        using var first = await client.PostAsync($"/v1/integrations/{id}/test", null);
        using var refused = await client.PostAsync($"/v1/integrations/{id}/test", null);
        using var patch = await client.PatchAsJsonAsync($"/v1/integrations/{id}", new { configuration = new { rate_limit = new { algorithm = "fixed_window", limit = 5, window_seconds = 3600 } } });
        using var afterPatch = await client.PostAsync($"/v1/integrations/{id}/test", null);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(3590, 3600);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Rate limit exceeded. Try again in");
        var patched = await TestAccounts.ReadDataAsync(patch, HttpStatusCode.OK);
        patched.GetProperty("configuration").GetProperty("rate_limit").GetProperty("limit").GetInt32().Should().Be(5);
        patched.GetProperty("configuration").GetProperty("url").GetString().Should().EndWith("/hooks/limited", "a patch keeps the members it does not name");
        afterPatch.StatusCode.Should().Be(HttpStatusCode.OK);
        fixture.Platform.Requests.Count(r => r.Path == "/hooks/limited").Should().Be(2);
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_integration()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        async Task<(HttpResponseMessage, Guid)> CreateWithKeyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/integrations") { Content = JsonContent.Create(IntegrationRequests.OpenAi(fixture.Platform, "once")) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return (response, (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        var (first, firstId) = await CreateWithKeyAsync();
        var (second, secondId) = await CreateWithKeyAsync();

        secondId.Should().Be(firstId);
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task Lists_are_newest_first_with_a_cursor_and_show_only_the_callers_integrations()
    {
        using var client = fixture.ClientFor(fixture.Stranger);
        var older = await CreateAsync(client, IntegrationRequests.OpenAi(fixture.Platform, "older"));
        var newer = await CreateAsync(client, IntegrationRequests.OpenAi(fixture.Platform, "newer"));

        using var firstPage = await client.GetAsync("/v1/integrations?limit=1");
        var page = await TestAccounts.ReadDataAsync(firstPage, HttpStatusCode.OK);
        using var secondPage = await client.GetAsync($"/v1/integrations?limit=1&starting_after={page.GetProperty("next_cursor").GetString()}");
        var next = await TestAccounts.ReadDataAsync(secondPage, HttpStatusCode.OK);
        using var ownerClient = fixture.ClientFor(fixture.Owner);
        using var ownerList = await ownerClient.GetAsync("/v1/integrations?limit=100");

        page.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(newer);
        page.GetProperty("has_more").GetBoolean().Should().BeTrue();
        next.GetProperty("items")[0].GetProperty("id").GetGuid().Should().Be(older);
        (await TestAccounts.ReadDataAsync(ownerList, HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).Should().NotContain([older, newer]);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/v1/integrations", body);
        return (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }
}
