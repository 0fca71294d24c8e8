using System.Net;
using System.Text.Json;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Realtime;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>The dashboard's data endpoints as an operator's browser calls them: admins only, real numbers.</summary>
public sealed class DashboardApiTests(DashboardApiFixture fixture) : IClassFixture<DashboardApiFixture>
{
    public static TheoryData<string> Endpoints => new()
    {
        "/v1/admin/dashboard/overview",
        "/v1/admin/dashboard/grains",
        "/v1/admin/dashboard/grains/user/00000000000000000000000000000001",
        "/v1/admin/dashboard/reminders",
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Ordinary_users_get_403_and_anonymous_callers_401(string path)
    {
        using var user = fixture.ClientFor(fixture.User);
        using var anonymous = fixture.Factory.CreateClient();

        using var forbidden = await user.GetAsync(path);
        using var unauthorized = await anonymous.GetAsync(path);

        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forbidden.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_overview_shows_the_silo_its_resources_and_the_calls_the_api_made()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        await admin.GetAsync("/v1/admin/dashboard/overview");
        for (var i = 0; i < 5; i++)
        {
            (await admin.GetAsync("/v1/users/me")).Dispose();
        }

        // A GET within one collection interval of the last collection answers that collection; the next one collects anew.
        var overview = await TestAccounts.ReadDataAsync(await admin.GetAsync("/v1/admin/dashboard/overview"), HttpStatusCode.OK);
        var started = TimeProvider.System.GetTimestamp();
        while (overview.GetProperty("history").GetArrayLength() < 2 && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
            overview = await TestAccounts.ReadDataAsync(await admin.GetAsync("/v1/admin/dashboard/overview"), HttpStatusCode.OK);
        }

        var silo = overview.GetProperty("silos").EnumerateArray().Single();
        silo.GetProperty("status").GetString().Should().Be("Active");
        silo.GetProperty("answered").GetBoolean().Should().BeTrue();
        silo.GetProperty("cpu_percent").GetDouble().Should().BeInRange(0, 100);
        silo.GetProperty("memory_bytes").GetInt64().Should().BePositive();
        silo.GetProperty("activations").GetInt32().Should().BePositive();
        silo.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().NotBeEmpty();
        overview.GetProperty("total_activations").GetInt32().Should().Be(silo.GetProperty("activations").GetInt32());
        overview.GetProperty("window_seconds").GetDouble().Should().BePositive();
        overview.GetProperty("requests_per_second").GetDouble().Should().BePositive("the /me calls reached grains");
        overview.GetProperty("error_rate").GetDouble().Should().BeInRange(0, 1);
        overview.GetProperty("avg_latency_ms").GetDouble().Should().BePositive();
        overview.GetProperty("p99_latency_ms").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        var history = overview.GetProperty("history").EnumerateArray().ToList();
        history.Should().HaveCountGreaterThanOrEqualTo(2);
        history.Select(h => h.GetProperty("at").GetDateTimeOffset()).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task The_grains_view_lists_activations_by_type_and_silo_and_methods_with_sorted_top_lists()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        (await admin.GetAsync("/v1/users/me")).Dispose();

        var grains = await TestAccounts.ReadDataAsync(await admin.GetAsync("/v1/admin/dashboard/grains"), HttpStatusCode.OK);

        var userType = fixture.Grains.GetGrain<IUserGrain>(fixture.Admin.UserId).GetGrainId().Type;
        var users = grains.GetProperty("activations").EnumerateArray().Single(a => a.GetProperty("grain_type").GetString() == userType);
        users.GetProperty("total").GetInt32().Should().BeGreaterThanOrEqualTo(2, "the admin and the user are activated");
        users.GetProperty("by_silo").EnumerateObject().Sum(p => p.Value.GetInt32()).Should().Be(users.GetProperty("total").GetInt32());
        var methods = grains.GetProperty("methods").EnumerateArray().ToList();
        methods.Should().Contain(m => m.GetProperty("grain_type").GetString() == userType && m.GetProperty("total_calls").GetInt64() > 0);
        methods.Select(m => m.GetProperty("grain_type").GetString() + "/" + m.GetProperty("method").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
        var byCalls = grains.GetProperty("top").GetProperty("by_calls").EnumerateArray().Select(m => m.GetProperty("calls_per_second").GetDouble()).ToList();
        byCalls.Should().BeInDescendingOrder().And.HaveCountLessThanOrEqualTo(10);
        grains.GetProperty("top").GetProperty("by_latency").EnumerateArray().Select(m => m.GetProperty("p99_ms").GetDouble()).Should().BeInDescendingOrder();
    }

    [Fact]
    public async Task The_inspector_shows_where_a_grain_lives_and_its_state()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var hubList = fixture.Grains.GetGrain<ISessionUpdateHubListGrain>(0);
        await hubList.GetObservers();
        var id = hubList.GetGrainId();

        var inspected = await TestAccounts.ReadDataAsync(await admin.GetAsync($"/v1/admin/dashboard/grains/{id.Type}/{id.Key}"), HttpStatusCode.OK);

        inspected.GetProperty("grain_id").GetString().Should().Be(id.ToString());
        inspected.GetProperty("activated").GetBoolean().Should().BeTrue();
        inspected.GetProperty("silo").GetString().Should().NotBeNullOrEmpty();
        inspected.GetProperty("activation_id").GetGuid().Should().NotBeEmpty();
        inspected.GetProperty("state").GetProperty("hubList").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task Inspecting_a_grain_that_is_not_activated_does_not_activate_it()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var userType = fixture.Grains.GetGrain<IUserGrain>(fixture.Admin.UserId).GetGrainId().Type;
        var key = Guid.NewGuid().ToString("D");

        var first = await TestAccounts.ReadDataAsync(await admin.GetAsync($"/v1/admin/dashboard/grains/{userType}/{key}"), HttpStatusCode.OK);
        var second = await TestAccounts.ReadDataAsync(await admin.GetAsync($"/v1/admin/dashboard/grains/{userType}/{key}"), HttpStatusCode.OK);

        first.GetProperty("grain_id").GetString().Should().Be($"{userType}/{Guid.Parse(key):N}", "GUID keys are normalized as grain ids print them");
        foreach (var answer in new[] { first, second })
        {
            answer.GetProperty("activated").GetBoolean().Should().BeFalse();
            answer.GetProperty("silo").ValueKind.Should().Be(JsonValueKind.Null);
            answer.GetProperty("state").ValueKind.Should().Be(JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task An_unknown_grain_type_is_404_and_a_malformed_key_is_400()
    {
        using var admin = fixture.ClientFor(fixture.Admin);
        var userType = fixture.Grains.GetGrain<IUserGrain>(fixture.Admin.UserId).GetGrainId().Type;

        using var unknown = await admin.GetAsync("/v1/admin/dashboard/grains/nosuchgrain/1");
        using var malformed = await admin.GetAsync($"/v1/admin/dashboard/grains/{userType}/not-a-guid");

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadAsStringAsync()).Should().Contain("not a GUID");
    }

    [Fact]
    public async Task Reminders_are_a_page_and_bad_paging_parameters_are_400()
    {
        using var admin = fixture.ClientFor(fixture.Admin);

        var page = await TestAccounts.ReadDataAsync(await admin.GetAsync("/v1/admin/dashboard/reminders?limit=5"), HttpStatusCode.OK);
        using var badLimit = await admin.GetAsync("/v1/admin/dashboard/reminders?limit=0");
        using var badCursor = await admin.GetAsync("/v1/admin/dashboard/reminders?starting_after=not*base64");

        page.GetProperty("items").ValueKind.Should().Be(JsonValueKind.Array);
        page.GetProperty("items").GetArrayLength().Should().BeLessThanOrEqualTo(5);
        page.GetProperty("has_more").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
        badLimit.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badLimit.Content.ReadAsStringAsync()).Should().Contain("limit");
        badCursor.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badCursor.Content.ReadAsStringAsync()).Should().Contain("starting_after");
    }
}
