using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

public sealed class SessionValidationTests(SessionsApiFixture fixture) : IClassFixture<SessionsApiFixture>
{
    [Fact]
    public async Task Invalid_fields_answer_400_with_an_error_for_each_field()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/sessions", new
        {
            cue = "",
            session_type = "astrology",
            parameters = new { confidence_threshold = 1.5, analysis_types = new[] { "visual", "visual" } },
            metadata = new[] { 1, 2 },
        });

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().BeEquivalentTo(
            "cue", "session_type", "parameters.confidence_threshold", "parameters.analysis_types", "metadata");
        problem.GetProperty("errors").GetProperty("session_type")[0].GetString()
            .Should().Contain("remote_viewing, dowsing, precognition, intuitive_analysis");
        await NothingWasCreatedAsync(client);
    }

    [Theory]
    [InlineData(4000, HttpStatusCode.Created)]
    [InlineData(4001, HttpStatusCode.BadRequest)]
    public async Task A_cue_may_have_up_to_4000_characters(int length, HttpStatusCode expected)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        // "𝔸" is one character but two UTF-16 units: the limit counts characters.
        using var response = await client.PostAsJsonAsync("/v1/sessions", SessionRequests.Body(cue: string.Concat(Enumerable.Repeat("𝔸", length))));

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_blank_cue_is_refused_unless_the_metadata_says_it_is_encrypted()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var plain = await client.PostAsJsonAsync("/v1/sessions", SessionRequests.Body(cue: "   "));
        var encrypted = await SessionRequests.CreateAsync(client, SessionRequests.Body(cue: "   ", metadata: new { encrypted = true }));

        SessionRequests.ErrorFields(await SessionRequests.ReadProblemAsync(plain, HttpStatusCode.BadRequest)).Should().Equal("cue");
        encrypted.GetProperty("cue").GetString().Should().Be("   ", "an encrypted cue is opaque text, stored as given");
    }

    [Fact]
    public async Task Metadata_over_16_KiB_is_refused()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/sessions", SessionRequests.Body(metadata: new { notes = new string('x', 16 * 1024) }));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal("metadata");
    }

    [Fact]
    public async Task An_analysis_type_the_session_types_model_lacks_answers_422_naming_the_field()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/sessions", SessionRequests.Body(
            sessionType: "precognition", parameters: new { analysis_types = new[] { "temporal", "spatial" } }));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        var message = problem.GetProperty("errors").GetProperty("parameters.analysis_types")[0].GetString();
        message.Should().Contain("temporal, trend").And.Contain("spatial");
        await NothingWasCreatedAsync(client);
    }

    [Theory]
    [InlineData("{\"cue\": \"unterminated")]
    [InlineData("{\"cue\": 42, \"session_type\": \"dowsing\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task A_body_that_is_not_the_expected_json_answers_400_problem(string json)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json);

        await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_body_over_1_MiB_answers_413_problem()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var json = JsonSerializer.Serialize(SessionRequests.Body(metadata: new { padding = new string('x', 1024 * 1024) }));

        using var response = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json);

        Encoding.UTF8.GetByteCount(json).Should().BeGreaterThan(1024 * 1024);
        await SessionRequests.ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Patch_without_a_metadata_object_answers_400()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();

        foreach (var body in new object[] { new { }, new { metadata = "text" }, new { metadata = new { encrypted = "yes" } } })
        {
            using var response = await client.PatchAsJsonAsync($"/v1/sessions/{id}", body);
            var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
            SessionRequests.ErrorFields(problem).Should().ContainSingle().Which.Should().StartWith("metadata");
        }
    }

    private async Task NothingWasCreatedAsync(HttpClient client)
    {
        var listed = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=100");
        listed.GetProperty("items").EnumerateArray().Should().NotContain(s => s.GetProperty("session_type").GetString() == "precognition"
            || s.GetProperty("cue").GetString() == "");
    }
}
