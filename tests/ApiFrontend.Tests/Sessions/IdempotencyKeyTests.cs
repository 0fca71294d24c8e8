using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.Grains.Abstractions.Idempotency;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

public sealed class IdempotencyKeyTests(SessionsApiFixture fixture) : IClassFixture<SessionsApiFixture>
{
    [Fact]
    public async Task A_retry_with_the_same_key_and_body_gets_the_first_answer_and_creates_nothing_new()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        var cue = $"Retried cue {Guid.NewGuid()}";
        var json = Json(cue);

        using var first = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);
        using var retry = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Headers.Location.Should().Be(first.Headers.Location);
        retry.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        first.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        var listed = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=100");
        listed.GetProperty("items").EnumerateArray().Count(s => s.GetProperty("cue").GetString() == cue).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_answers_422()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        using var first = await SessionRequests.PostJsonAsync(client, "/v1/sessions", Json("first body"), key);

        using var other = await SessionRequests.PostJsonAsync(client, "/v1/sessions", Json("second body"), key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        (await SessionRequests.ReadProblemAsync(other, HttpStatusCode.UnprocessableEntity))
            .GetProperty("detail").GetString().Should().Contain("different request");
    }

    [Fact]
    public async Task A_retry_while_the_first_request_still_runs_answers_409()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        var json = Json("still running");

        // The first request, as far as the ledger knows, has started and not finished.
        var ledger = fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyLedgerGrain>(0);
        var claim = await ledger.Begin(new IdempotentRequest(
            $"user:{fixture.Owner.UserId}", key, "POST", "/v1/sessions", SHA256.HashData(Encoding.UTF8.GetBytes(json)),
            TimeSpan.FromHours(24), TimeSpan.FromMinutes(2)));
        using var retry = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);

        claim.Outcome.Should().Be(IdempotencyOutcome.Started);
        await SessionRequests.ReadProblemAsync(retry, HttpStatusCode.Conflict);
        var retryAfter = int.Parse(retry.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.Should().BeInRange(100, 120, "the first attempt's two-minute lease has just begun");
    }

    [Fact]
    public async Task A_retry_after_an_attempt_that_created_the_session_and_then_failed_returns_that_session_instead_of_a_second()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        var cue = $"created, then the gateway died {Guid.NewGuid()}";
        var json = Json(cue);
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var ledger = grains.GetGrain<IIdempotencyLedgerGrain>(0);
        var owner = $"user:{fixture.Owner.UserId}";

        // The first attempt claims the key, creates its session under the claim's resource id, and fails before it
        // can record the answer (the front end answers 5xx and releases the key).
        var first = await ledger.Begin(new IdempotentRequest(
            owner, key, "POST", "/v1/sessions", SHA256.HashData(Encoding.UTF8.GetBytes(json)), TimeSpan.FromHours(24), TimeSpan.FromMinutes(2)));
        await grains.GetGrain<ISessionGrain>(first.ResourceId).Create(
            new CreateSession(fixture.Owner.UserId, cue, "dowsing", new SessionParameters(0.5, []), null));
        await ledger.Release(owner, key, first.Attempt);

        using var retry = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);

        retry.StatusCode.Should().Be(HttpStatusCode.Created);
        var session = JsonDocument.Parse(await retry.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        session.GetProperty("id").GetGuid().Should().Be(first.ResourceId);
        var listed = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=100");
        listed.GetProperty("items").EnumerateArray().Count(s => s.GetProperty("cue").GetString() == cue).Should().Be(1);
    }

    [Fact]
    public async Task A_different_request_taking_over_a_released_key_creates_a_new_resource()
    {
        var ledger = fixture.Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IIdempotencyLedgerGrain>(0);
        var key = Guid.NewGuid().ToString();
        IdempotentRequest Request(string body) => new(
            $"user:{fixture.Owner.UserId}", key, "POST", "/v1/sessions", SHA256.HashData(Encoding.UTF8.GetBytes(body)), TimeSpan.FromHours(24), TimeSpan.FromMinutes(2));

        var first = await ledger.Begin(Request("one"));
        await ledger.Release(Request("one").Owner, key, first.Attempt);
        var same = await ledger.Begin(Request("one"));
        await ledger.Release(Request("one").Owner, key, same.Attempt);
        var other = await ledger.Begin(Request("two"));

        first.Outcome.Should().Be(IdempotencyOutcome.Started);
        same.Outcome.Should().Be(IdempotencyOutcome.Started);
        same.Attempt.Should().NotBe(first.Attempt);
        same.ResourceId.Should().Be(first.ResourceId);
        other.Outcome.Should().Be(IdempotencyOutcome.Started);
        other.ResourceId.Should().NotBe(first.ResourceId);
    }

    [Fact]
    public async Task Keys_are_per_user()
    {
        using var owner = fixture.ClientFor(fixture.Owner);
        using var stranger = fixture.ClientFor(fixture.Stranger);
        var key = Guid.NewGuid().ToString();
        var json = Json("same key, two users");

        using var mine = await SessionRequests.PostJsonAsync(owner, "/v1/sessions", json, key);
        using var theirs = await SessionRequests.PostJsonAsync(stranger, "/v1/sessions", json, key);

        var myId = JsonDocument.Parse(await mine.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("id").GetGuid();
        var theirSession = JsonDocument.Parse(await theirs.Content.ReadAsStringAsync()).RootElement.GetProperty("data");
        theirs.StatusCode.Should().Be(HttpStatusCode.Created);
        theirSession.GetProperty("id").GetGuid().Should().NotBe(myId);
        theirSession.GetProperty("user_id").GetGuid().Should().Be(fixture.Stranger.UserId);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1000)]
    public async Task A_key_over_255_characters_answers_400_and_runs_nothing(int length)
    {
        using var client = fixture.ClientFor(fixture.Owner);

        using var response = await SessionRequests.PostJsonAsync(client, "/v1/sessions", Json("bad key"), new string('k', length));

        var problem = await SessionRequests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        SessionRequests.ErrorFields(problem).Should().Equal("Idempotency-Key");
        var listed = await SessionRequests.GetDataAsync(client, "/v1/sessions?limit=100");
        listed.GetProperty("items").EnumerateArray().Should().NotContain(s => s.GetProperty("cue").GetString() == "bad key");
    }

    [Fact]
    public async Task A_refused_request_is_replayed_as_refused_too()
    {
        using var client = fixture.ClientFor(fixture.Owner);
        var key = Guid.NewGuid().ToString();
        var json = """{"cue": "", "session_type": "dowsing"}""";

        using var first = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);
        using var retry = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, key);

        first.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        retry.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await retry.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        retry.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private static string Json(string cue) => JsonSerializer.Serialize(SessionRequests.Body(cue: cue));
}
