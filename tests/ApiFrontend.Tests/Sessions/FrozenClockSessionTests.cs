using System.Net;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Sessions;

/// <summary>
/// Sessions on a silo whose clock moves only when the test advances it: a new session stays
/// <c>pending</c> until then, so cancel, delete and restarts meet it at a known stage.
/// </summary>
public sealed class FrozenClockSessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new();
    private PostgreSqlTestDatabase _database = null!;
    private SessionHost _host = null!;
    private TestAccount _owner = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgreSqlTestDatabase.CreateAsync();
        _host = new SessionHost(_database.ConnectionString, time: _time);
        using var anonymous = _host.CreateClient();
        _owner = await TestAccounts.RegisterAsync(anonymous, "frozen");
        _client = _host.CreateClient().WithBearer(_owner);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_a_pending_session_ends_it_and_no_analysis_runs_afterwards()
    {
        var id = (await SessionRequests.CreateAsync(_client)).GetProperty("id").GetGuid();

        using var response = await _client.PostAsync(new Uri($"/v1/sessions/{id}/cancel", UriKind.Relative), null);
        _time.Advance(TimeSpan.FromMinutes(1));

        var cancelled = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
        cancelled.GetProperty("status").GetString().Should().Be("cancelled");
        cancelled.GetProperty("completed_at").GetDateTimeOffset().Should().Be(_time.GetUtcNow() - TimeSpan.FromMinutes(1));
        var events = (await SessionRequests.GetDataAsync(_client, $"/v1/sessions/{id}/events")).GetProperty("items");
        events.EnumerateArray().Select(e => e.GetProperty("data").GetProperty("event").GetString()).Should().Equal("created", "cancelled");
        (await SessionRequests.GetDataAsync(_client, $"/v1/sessions/{id}/results")).GetProperty("items").GetArrayLength().Should().Be(0);
        (await SessionRequests.GetDataAsync(_client, $"/v1/sessions/{id}")).GetProperty("status").GetString().Should().Be("cancelled");
    }

    [Fact]
    public async Task Deleting_a_running_session_cancels_it_first()
    {
        var id = (await SessionRequests.CreateAsync(_client)).GetProperty("id").GetGuid();

        using var delete = await _client.DeleteAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative));

        delete.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var cancelled = _host.Updates.WaitForEventAsync(id, "cancelled");
        var deleted = _host.Updates.WaitForEventAsync(id, "deleted");
        await Task.WhenAll(cancelled, deleted);
        using var gone = await _client.GetAsync(new Uri($"/v1/sessions/{id}", UriKind.Relative));
        await SessionRequests.ReadProblemAsync(gone, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_status_filter_tells_pending_from_cancelled_sessions()
    {
        var pending = (await SessionRequests.CreateAsync(_client)).GetProperty("id").GetGuid();
        var cancelled = (await SessionRequests.CreateAsync(_client)).GetProperty("id").GetGuid();
        using var cancel = await _client.PostAsync(new Uri($"/v1/sessions/{cancelled}/cancel", UriKind.Relative), null);

        var pendingPage = await SessionRequests.GetDataAsync(_client, "/v1/sessions?status=pending");
        var cancelledPage = await SessionRequests.GetDataAsync(_client, "/v1/sessions?status=cancelled");

        Ids(pendingPage).Should().Equal(pending);
        Ids(cancelledPage).Should().Equal(cancelled);
    }

    [Fact]
    public async Task An_idempotency_key_is_replayed_for_24_hours_and_then_runs_again()
    {
        var key = await TestAccounts.CreateApiKeyAsync(_client, _owner, new[] { new { resource = "sessions", actions = new[] { "*" } } });
        using var client = _host.CreateClient().WithApiKey(key);
        var json = JsonSerializer.Serialize(SessionRequests.Body(cue: "a daily question"));
        using var first = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, "daily");

        _time.Advance(TimeSpan.FromHours(23));
        using var withinADay = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, "daily");
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var nextDay = await SessionRequests.PostJsonAsync(client, "/v1/sessions", json, "daily");

        var firstId = (await TestAccounts.ReadDataAsync(first, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        (await TestAccounts.ReadDataAsync(withinADay, HttpStatusCode.Created)).GetProperty("id").GetGuid().Should().Be(firstId);
        withinADay.Headers.Contains("Idempotent-Replayed").Should().BeTrue();
        (await TestAccounts.ReadDataAsync(nextDay, HttpStatusCode.Created)).GetProperty("id").GetGuid().Should().NotBe(firstId);
        nextDay.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    [Fact]
    public async Task A_session_left_unfinished_by_a_restart_resumes_on_the_next_silo_and_completes()
    {
        var id = (await SessionRequests.CreateAsync(_client)).GetProperty("id").GetGuid();
        await _host.DisposeAsync();

        // Nothing touches the session on the new silo: its start-up recovery has to find it.
        _host = new SessionHost(_database.ConnectionString);
        _ = _host.Services;
        await _host.Updates.WaitForEventAsync(id, "completed");

        using var client = _host.CreateClient().WithBearer(await LoginAsync());
        var session = await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}");
        session.GetProperty("status").GetString().Should().Be("completed");
        session.GetProperty("result_count").GetInt32().Should().Be(2);
        var events = (await SessionRequests.GetDataAsync(client, $"/v1/sessions/{id}/events")).GetProperty("items");
        events.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).Should().Equal(1, 2, 3, 4, 5);
    }

    private async Task<TestAccount> LoginAsync()
    {
        // The first silo's clock was fake, so its token is not valid on the real clock: log in again.
        using var anonymous = _host.CreateClient();
        using var response = await anonymous.PostAsync(
            new Uri("/v1/auth/login", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { email = _owner.Email, password = _owner.Password }), System.Text.Encoding.UTF8, "application/json"));
        var data = await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
        return _owner with { AccessToken = data.GetProperty("token").GetString()! };
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetGuid())];
}
