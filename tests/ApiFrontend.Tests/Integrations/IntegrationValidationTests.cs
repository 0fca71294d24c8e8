using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Integrations;

public sealed class IntegrationValidationTests(IntegrationsApiFixture fixture) : IClassFixture<IntegrationsApiFixture>
{
    public static TheoryData<string, string> InvalidCreates => new()
    {
        { """{"type":"ai_provider","platform":"openai_compatible","credentials":{"api_key":"k"},"configuration":{"base_url":"https://nim.example.com/v1","models":["m"]}}""", "name" },
        { """{"name":"x","type":"ai_provider","platform":"salesforce","credentials":{},"configuration":{}}""", "platform" },
        { """{"name":"x","type":"robot","platform":"webhook","credentials":{},"configuration":{"url":"https://hooks.example.com/x"}}""", "type" },
        { """{"name":"x","type":"ai_provider","platform":"openai_compatible","credentials":{},"configuration":{"base_url":"https://nim.example.com/v1","models":["m"]}}""", "credentials.api_key" },
        { """{"name":"x","type":"ai_provider","platform":"openai_compatible","credentials":{"api_key":42},"configuration":{"base_url":"https://nim.example.com/v1","models":["m"]}}""", "credentials.api_key" },
        { """{"name":"x","type":"ai_provider","platform":"openai_compatible","credentials":{"api_key":"k","password":"p"},"configuration":{"base_url":"https://nim.example.com/v1","models":["m"]}}""", "credentials.password" },
        { """{"name":"x","type":"ai_provider","platform":"openai_compatible","credentials":{"api_key":"k"},"configuration":{"base_url":"ftp://nim.example.com","models":["m"]}}""", "configuration.base_url" },
        { """{"name":"x","type":"ai_provider","platform":"openai_compatible","credentials":{"api_key":"k"},"configuration":{"base_url":"https://nim.example.com/v1","models":[]}}""", "configuration.models" },
        { """{"name":"x","type":"workflow","platform":"webhook","credentials":{},"configuration":{"url":"https://hooks.example.com/x","sync_interval_seconds":30}}""", "configuration.sync_interval_seconds" },
        { """{"name":"x","type":"workflow","platform":"webhook","credentials":{},"configuration":{"url":"https://hooks.example.com/x","rate_limit":{"algorithm":"leaky","limit":1,"window_seconds":60}}}""", "configuration.rate_limit" },
        { """{"name":"x","type":"workflow","platform":"webhook","credentials":{},"configuration":"not an object"}""", "configuration" },
    };

    [Theory]
    [MemberData(nameof(InvalidCreates))]
    public async Task An_invalid_create_answers_400_problem_json_naming_the_field(string body, string field)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsync("/v1/integrations", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(text);
        text.Should().NotContain("\"k\"", "credential values are not echoed");
    }

    [Fact]
    public async Task A_url_resolving_to_a_private_address_answers_422()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/integrations", new
        {
            name = "metadata",
            type = "workflow",
            platform = "webhook",
            credentials = new { },
            configuration = new { url = "http://169.254.169.254/latest/meta-data" },
        });
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("configuration.url")[0].GetString().Should().Contain("169.254.169.254");
    }

    [Fact]
    public async Task A_patch_is_validated_against_the_integrations_platform_and_changes_nothing_when_invalid()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        using var created = await client.PostAsJsonAsync("/v1/integrations", IntegrationRequests.OpenAi(fixture.Platform));
        var id = (await TestAccounts.ReadDataAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var badLimit = await client.PatchAsJsonAsync($"/v1/integrations/{id}", new { configuration = new { rate_limit = new { algorithm = "token_bucket", limit = 0, window_seconds = 60 } } });
        using var droppedModels = await client.PatchAsJsonAsync($"/v1/integrations/{id}", new { configuration = new { models = (string[]?)null } });
        using var badName = await client.PatchAsJsonAsync($"/v1/integrations/{id}", new { name = "" });
        using var badLogs = await client.GetAsync($"/v1/integrations/{id}/logs?limit=0");
        using var after = await client.GetAsync($"/v1/integrations/{id}");

        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badLimit.Content.ReadAsStringAsync()).Should().Contain("configuration.rate_limit");
        droppedModels.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await droppedModels.Content.ReadAsStringAsync()).Should().Contain("configuration.models");
        badName.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        badLogs.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var integration = await TestAccounts.ReadDataAsync(after, HttpStatusCode.OK);
        integration.GetProperty("configuration").TryGetProperty("rate_limit", out _).Should().BeFalse();
        integration.GetProperty("configuration").GetProperty("models").GetArrayLength().Should().Be(2);
    }
}
