using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

public sealed class SessionsApiTests(SessionsApiFixture fixture) : IClassFixture<SessionsApiFixture>
{
    [Fact]
    public async Task Create_answers_201_with_the_pending_session_and_its_location()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.PostAsJsonAsync("/v1/sessions", SessionRequests.Body(
            cue: "Where did I leave the blue umbrella?",
            parameters: new { confidence_threshold = 0.7, analysis_types = new[] { "location" } },
            metadata: new { project = "umbrella", tags = new[] { "home" } }));

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        body.GetProperty("success").GetBoolean().Should().BeTrue();
        body.GetProperty("requestId").GetString().Should().Be(response.Headers.GetValues("X-Request-Id").Single());
        var session = body.GetProperty("data");
        var id = session.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/v1/sessions/{id}");
        session.GetProperty("user_id").GetGuid().Should().Be(fixture.Owner.UserId);
        session.GetProperty("cue").GetString().Should().Be("Where did I leave the blue umbrella?");
        session.GetProperty("session_type").GetString().Should().Be("dowsing");
        session.GetProperty("status").GetString().Should().Be("pending");
        session.GetProperty("progress").GetInt32().Should().Be(0);
        session.GetProperty("parameters").GetProperty("confidence_threshold").GetDouble().Should().Be(0.7);
        session.GetProperty("parameters").GetProperty("analysis_types").EnumerateArray().Select(t => t.GetString()).Should().Equal("location");
        session.GetProperty("metadata").GetProperty("project").GetString().Should().Be("umbrella");
        session.GetProperty("created_at").GetDateTimeOffset().Should().Be(session.GetProperty("updated_at").GetDateTimeOffset());
        session.GetProperty("started_at").ValueKind.Should().Be(JsonValueKind.Null);
        session.GetProperty("completed_at").ValueKind.Should().Be(JsonValueKind.Null);
        session.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        session.GetProperty("result_count").GetInt32().Should().Be(0);
        var urls = session.GetProperty("urls");
        urls.GetProperty("self").GetString().Should().Be($"/v1/sessions/{id}");
        urls.GetProperty("results").GetString().Should().Be($"/v1/sessions/{id}/results");
        urls.GetProperty("cancel").GetString().Should().Be($"/v1/sessions/{id}/cancel");
    }

    [Fact]
    public async Task Without_analysis_types_or_threshold_a_session_gets_its_types_defaults()
    {
        using var client = fixture.ClientFor(fixture.Owner);

        var session = await SessionRequests.CreateAsync(client, SessionRequests.Body(sessionType: "remote_viewing"));

        var parameters = session.GetProperty("parameters");
        parameters.GetProperty("confidence_threshold").GetDouble().Should().Be(0.8);
        parameters.GetProperty("analysis_types").EnumerateArray().Select(t => t.GetString())
            .Should().Equal("visual", "spatial", "geographical", "object");
        session.GetProperty("metadata").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_session_completes_with_one_result_per_analysis_type_and_its_events_in_sequence()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();

        var session = await SessionRequests.CompletedAsync(client, fixture.Updates, id);
        var results = (await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}/results")).GetProperty("items");
        var events = (await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}/events")).GetProperty("items");
        var later = (await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}/events?starting_after=3")).GetProperty("items");

        session.GetProperty("progress").GetInt32().Should().Be(100);
        session.GetProperty("result_count").GetInt32().Should().Be(2);
        session.GetProperty("started_at").GetDateTimeOffset().Should().BeOnOrBefore(session.GetProperty("completed_at").GetDateTimeOffset());
        results.EnumerateArray().Select(r => r.GetProperty("result_type").GetString()).Should().Equal("yes_no", "location");
        foreach (var result in results.EnumerateArray())
        {
            result.GetProperty("session_id").GetGuid().Should().Be(id);
            var score = result.GetProperty("confidence_score");
            score.GetDecimal().Should().BeInRange(0m, 1m);
            score.GetRawText().Should().MatchRegex(@"^[01]\.\d{4}$", "confidence_score is a number with 4 decimals");
            result.GetProperty("data").GetProperty("label").GetString().Should().NotBeNullOrEmpty();
            result.GetProperty("model").GetProperty("name").GetString().Should().Be("mindpeeker-reference-dowsing");
            result.GetProperty("model").GetProperty("version").GetString().Should().Be("1.0.0-reference");
            result.GetProperty("created_at").GetDateTimeOffset().Should().BeAfter(session.GetProperty("created_at").GetDateTimeOffset());
        }

        events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Should().Equal(1, 2, 3, 4, 5);
        events.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("event").GetString())
            .Should().Equal("created", "started", "result", "result", "completed");
        events.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("progress").GetInt32()).Should().Equal(0, 5, 50, 95, 100);
        var last = events[4];
        last.GetProperty("type").GetString().Should().Be("session_update");
        last.GetProperty("sessionId").GetGuid().Should().Be(id);
        last.GetProperty("data").GetProperty("status").GetString().Should().Be("completed");
        last.GetProperty("data").GetProperty("result_count").GetInt32().Should().Be(2);
        last.GetProperty("timestamp").GetDateTimeOffset().Should().Be(session.GetProperty("completed_at").GetDateTimeOffset());
        later.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Should().Equal(4, 5);
    }

    [Fact]
    public async Task Patch_replaces_the_metadata_and_moves_updated_at()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var created = await SessionRequests.CreateAsync(client, SessionRequests.Body(metadata: new { label = "first" }));
        var id = created.GetProperty("id").GetGuid();

        using var response = await client.PatchAsJsonAsync($"/v1/sessions/{id}", new { metadata = new { label = "second", reviewed = true } });

        var patched = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
        patched.GetProperty("metadata").GetProperty("label").GetString().Should().Be("second");
        patched.GetProperty("metadata").GetProperty("reviewed").GetBoolean().Should().BeTrue();
        patched.GetProperty("updated_at").GetDateTimeOffset().Should().BeAfter(created.GetProperty("updated_at").GetDateTimeOffset());
        var fetched = await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}");
        fetched.GetProperty("metadata").GetProperty("label").GetString().Should().Be("second");
    }

    [Fact]
    public async Task Cancelling_a_completed_session_answers_it_unchanged()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();
        var completed = await SessionRequests.CompletedAsync(client, fixture.Updates, id);

        using var response = await client.PostAsync(new Uri($"/v1/sessions/{id}/cancel", UriKind.Relative), null);

        var session = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
        session.GetProperty("status").GetString().Should().Be("completed");
        session.GetProperty("updated_at").GetDateTimeOffset().Should().Be(completed.GetProperty("updated_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_deleted_session_is_gone_from_every_route()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();
        await SessionRequests.CompletedAsync(client, fixture.Updates, id);

        using var delete = await client.DeleteAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative));

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        foreach (var path in new[] { $"/v1/sessions/{id}", $"/v1/sessions/{id}/results", $"/v1/sessions/{id}/events" })
        {
            using var gone = await client.GetAsync(new Uri(path, UriKind.Relative));
            await SessionRequests.ReadProblemAsync(gone, HttpStatusCode.NotFound);
        }

        using var again = await client.DeleteAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(again, HttpStatusCode.NotFound);
        var listed = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=100");
        listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).Should().NotContain(id);
    }

    [Theory]
    [InlineData("0190a4e2-0000-7000-8000-000000000000")]
    [InlineData("not-a-session-id")]
    public async Task An_unknown_or_malformed_session_id_answers_404_problem(string id)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await client.GetAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.NotFound);
        problem.GetProperty("instance").GetString().Should().Be($"/v1/sessions/{id}");
    }

    [Fact]
    public async Task Events_with_a_malformed_starting_after_answer_400_naming_the_parameter()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();

        foreach (var bad in new[] { "abc", "-1", "1.5" })
        {
            using var response = await client.GetAsync(new Uri($"/v1/sessions/{id}/events?starting_after={Uri.EscapeDataString(bad)}", UriKind.Relative));
            var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
            SessionRequests.ErrorFields(problem).Should().Equal(["starting_after"], because: string.Create(CultureInfo.InvariantCulture, $"'{bad}' is no sequence"));
        }
    }
}
