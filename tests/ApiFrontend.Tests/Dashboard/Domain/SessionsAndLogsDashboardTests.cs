using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.ApiFrontend.Tests.Dashboard.Domain;

/// <summary>The sessions page and the live log tail over real sessions run by the real pipeline.</summary>
public sealed class SessionsAndLogsDashboardTests(SessionsDashboardFixture fixture) : IClassFixture<SessionsDashboardFixture>
{
    [Fact]
    public async Task Sessions_show_by_type_and_status_with_queue_time_and_latency()
    {
        using var admin = fixture.ClientFor(fixture.Admin);

        var page = await SessionRequests.GetDataAsync(admin, "/v1/admin/dashboard/sessions?minutes=10");

        page.GetProperty("window_minutes").GetInt32().Should().Be(10);
        var perMinute = page.GetProperty("per_minute").EnumerateArray().ToList();
        perMinute.Should().HaveCount(10);
        perMinute.Select(p => p.GetProperty("minute").GetDateTimeOffset()).Should().BeInAscendingOrder();
        perMinute.Sum(p => p.GetProperty("created").GetInt64()).Should().BeGreaterThanOrEqualTo(3);
        var byType = page.GetProperty("by_type").EnumerateArray().ToDictionary(t => t.GetProperty("session_type").GetString()!);
        byType["dowsing"].GetProperty("created").GetInt64().Should().BeGreaterThanOrEqualTo(2);
        byType["dowsing"].GetProperty("completed").GetInt64().Should().BeGreaterThanOrEqualTo(2);
        byType["precognition"].GetProperty("created").GetInt64().Should().BeGreaterThanOrEqualTo(1);
        byType["precognition"].GetProperty("completed").GetInt64().Should().BeGreaterThanOrEqualTo(1);
        page.GetProperty("by_status").EnumerateArray()
            .Should().Contain(s => s.GetProperty("session_type").GetString() == "dowsing" && s.GetProperty("status").GetString() == "completed"
                && s.GetProperty("count").GetInt64() >= 2);
        var totals = page.GetProperty("totals");
        totals.GetProperty("completed").GetInt64().Should().Be(byType.Values.Sum(t => t.GetProperty("completed").GetInt64()));

        foreach (var name in new[] { "queue_time", "inference_latency" })
        {
            var durations = page.GetProperty(name);
            durations.GetProperty("count").GetInt64().Should().BeGreaterThanOrEqualTo(3, name);
            var p50 = durations.GetProperty("p50_ms").GetDouble();
            var p99 = durations.GetProperty("p99_ms").GetDouble();
            p50.Should().BeGreaterThanOrEqualTo(0);
            p99.Should().BeGreaterThanOrEqualTo(p50);
            durations.GetProperty("by_type").EnumerateArray().Select(t => t.GetProperty("session_type").GetString())
                .Should().Contain(["dowsing", "precognition"]);
        }
    }

    [Fact]
    public async Task The_log_tail_filters_by_session_level_and_grain()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var session = fixture.Dowsing[0];

        var bySession = await ItemsAsync(admin, $"/v1/admin/dashboard/logs?session={session}");
        bySession.Should().NotBeEmpty("the session grain logs each status change at information");
        bySession.Should().OnlyContain(e => e.GetProperty("session_id").GetString() == session.ToString());
        bySession.Should().Contain(e => e.GetProperty("message").GetString()!.Contains("completed", StringComparison.Ordinal));
        bySession.Select(e => e.GetProperty("timestamp").GetDateTimeOffset()).Should().BeInAscendingOrder();
        bySession.Should().OnlyContain(e => e.GetProperty("silo").GetString()!.Length > 0 && e.GetProperty("cursor").GetString()!.Length > 0);

        var logger = fixture.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Grains.Sessions.SessionGrain");
        logger.LogWarning("Session {SessionId}: a warning for the dashboard test.", session);

        var warnings = await ItemsAsync(admin, $"/v1/admin/dashboard/logs?session={session}&level=warning");
        warnings.Should().ContainSingle().Which.GetProperty("level").GetString().Should().Be("warning");

        var sessionGrain = await ItemsAsync(admin, "/v1/admin/dashboard/logs?grain=SessionGrain&limit=1000");
        sessionGrain.Should().NotBeEmpty().And.OnlyContain(e => e.GetProperty("grain_type").GetString() == "SessionGrain");
        (await ItemsAsync(admin, $"/v1/admin/dashboard/logs?grain=NoSuchGrain&session={session}")).Should().BeEmpty();
    }

    [Fact]
    public async Task The_log_tail_pages_forward_with_its_cursor()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var marker = Guid.NewGuid();
        var logger = fixture.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Tests.Dashboard");
        logger.LogWarning("Session {SessionId}: first.", marker);
        var first = await SessionRequests.GetDataAsync(admin, $"/v1/admin/dashboard/logs?session={marker}");
        first.GetProperty("items").GetArrayLength().Should().Be(1);
        var cursor = first.GetProperty("next_cursor").GetString()!;

        logger.LogWarning("Session {SessionId}: second.", marker);
        logger.LogWarning("Session {SessionId}: third.", marker);
        var next = await SessionRequests.GetDataAsync(admin, $"/v1/admin/dashboard/logs?session={marker}&after={Uri.EscapeDataString(cursor)}&limit=1");

        next.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()).Should().Equal($"Session {marker}: second.");
        next.GetProperty("has_more").GetBoolean().Should().BeTrue();
        var last = await SessionRequests.GetDataAsync(
            admin, $"/v1/admin/dashboard/logs?session={marker}&after={Uri.EscapeDataString(next.GetProperty("next_cursor").GetString()!)}");
        last.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("message").GetString()).Should().Equal($"Session {marker}: third.");
        last.GetProperty("has_more").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task The_log_tail_never_returns_a_secret()
    {
        using var user = fixture.ClientFor(fixture.User);
        var key = await TestAccounts.CreateApiKeyAsync(user, fixture.User, new[] { new { resource = "sessions", actions = new[] { "read" } } });
        var marker = Guid.NewGuid();
        var logger = fixture.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Tests.Dashboard");
        logger.LogWarning("Session {SessionId}: caller presented {ApiKey} with Authorization: Bearer {Jwt}.", marker, key, fixture.User.AccessToken);
        logger.LogError(new InvalidOperationException($"Refused {key}"), "Session {SessionId}: call failed for {Password}.", marker, TestAccounts.Password);

        using var admin = fixture.ClientFor(fixture.Admin);
        using var response = await admin.GetAsync($"/v1/admin/dashboard/logs?session={marker}");
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("items").GetArrayLength().Should().Be(2);
        var prefix = key[..(ApiKeyFormat.Scheme.Length + ApiKeyFormat.PrefixLength + 1)];
        body.Should().NotContain(key[prefix.Length..]).And.NotContain(fixture.User.AccessToken).And.NotContain(TestAccounts.Password);
        body.Should().Contain(prefix + "[redacted]", "the key's public prefix still says which key it was");
    }

    [Fact]
    public async Task Streaming_the_log_tail_yields_new_matching_entries()
    {
        var marker = Guid.NewGuid();
        await using var hub = await ConnectAsAdminAsync();
        await using var stream = await hub.StreamAsync("StreamLogs", new { session = marker.ToString(), level = "information" });
        var logger = fixture.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Tests.Dashboard");

        logger.LogDebug("Session {SessionId}: below the tail's level.", marker);
        logger.LogInformation("Session {SessionId}: streamed entry.", marker);
        var seen = await stream.ReadUntilAsync(e => e.GetProperty("message").GetString() == $"Session {marker}: streamed entry.");

        seen.Should().OnlyContain(e => e.GetProperty("session_id").GetString() == marker.ToString());
        seen.Should().NotContain(e => e.GetProperty("level").GetString() == "debug");

        logger.LogWarning("Session {SessionId}: a later one.", marker);
        (await stream.ReadUntilAsync(_ => true)).Single().GetProperty("message").GetString().Should().Be($"Session {marker}: a later one.");
    }

    [Fact]
    public async Task Connected_admins_receive_the_domain_pages_every_interval()
    {
        await using var hub = await ConnectAsAdminAsync();
        await using var stream = await hub.StreamAsync("StreamLogs", new { level = "critical" });

        var sessions = await hub.NextAsync("dashboard_sessions");
        var webhooks = await hub.NextAsync("dashboard_webhooks");
        var rateLimits = await hub.NextAsync("dashboard_rate_limits");

        sessions.GetProperty("window_minutes").GetInt32().Should().Be(60);
        sessions.GetProperty("totals").GetProperty("completed").GetInt64().Should().BeGreaterThanOrEqualTo(3);
        webhooks.GetProperty("last_5_minutes").GetProperty("window_seconds").GetDouble().Should().Be(300);
        webhooks.GetProperty("last_hour").GetProperty("window_seconds").GetDouble().Should().Be(3600);
        webhooks.GetProperty("dead").GetProperty("total").GetInt64().Should().Be(0);
        rateLimits.GetProperty("buckets").ValueKind.Should().Be(JsonValueKind.Array);
        rateLimits.GetProperty("silos").EnumerateArray().Should().ContainSingle().Which.GetProperty("answered").GetBoolean().Should().BeTrue();
    }

    /// <summary>Connects to the admin hub with the admin's token in the <c>Authorization</c> header.</summary>
    private Task<SignalRJsonClient> ConnectAsAdminAsync() =>
        SignalRJsonClient.ConnectAsync(fixture.Host.Factory, "/v1/admin/ws", request => request.Headers.Authorization = "Bearer " + fixture.Admin.AccessToken);

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string path) =>
        [.. (await SessionRequests.GetDataAsync(client, path)).GetProperty("items").EnumerateArray()];
}
