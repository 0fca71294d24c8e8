using System.Net;
using System.Text.Json;
using MindPeeker.ApiFrontend.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>The admin hub: admins get a live snapshot every interval; anyone else cannot connect.</summary>
public sealed class AdminHubTests(DashboardApiFixture fixture) : IClassFixture<DashboardApiFixture>
{
    private const string AdminHub = "/v1/admin/ws";

    [Fact]
    public async Task An_admin_connected_with_a_query_token_receives_snapshots_that_follow_the_load()
    {
        await using var hub = await SignalRJsonClient.ConnectAsync(fixture.Factory, AdminHub, query: "?access_token=" + Uri.EscapeDataString(fixture.Admin.AccessToken));
        var first = await hub.NextAsync(DashboardPushService.SnapshotMessage);
        using (var admin = fixture.ClientFor(fixture.Admin))
        {
            for (var i = 0; i < 10; i++)
            {
                (await admin.GetAsync("/v1/users/me")).Dispose();
            }
        }

        JsonElement later;
        do
        {
            later = await hub.NextAsync(DashboardPushService.SnapshotMessage);
        }
        while (later.GetProperty("overview").GetProperty("requests_per_second").GetDouble() == 0);

        first.GetProperty("overview").GetProperty("silos").GetArrayLength().Should().Be(1);
        first.GetProperty("grains").GetProperty("top").TryGetProperty("by_calls", out _).Should().BeTrue();
        later.GetProperty("overview").GetProperty("collected_at").GetDateTimeOffset()
            .Should().BeAfter(first.GetProperty("overview").GetProperty("collected_at").GetDateTimeOffset());
        later.GetProperty("grains").GetProperty("top").GetProperty("by_calls").GetArrayLength().Should().BePositive();
    }

    [Fact]
    public async Task Contributors_are_pushed_as_their_own_messages_in_snake_case()
    {
        await using var factory = fixture.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddSingleton<IDashboardSnapshotContributor, WidgetContributor>()));
        await using var hub = await SignalRJsonClient.ConnectAsync(factory, AdminHub, query: "?access_token=" + Uri.EscapeDataString(fixture.Admin.AccessToken));

        var payload = await hub.NextAsync("dashboard_widgets");

        payload.GetProperty("hottest_widget").GetString().Should().Be("sprocket");
        payload.GetProperty("widget_count").GetInt32().Should().Be(3);
    }

    private sealed class WidgetContributor : IDashboardSnapshotContributor
    {
        public string Name => "widgets";

        public Task<object> CollectAsync(CancellationToken ct) => Task.FromResult<object>(new WidgetPayload("sprocket", 3));
    }

    private sealed record WidgetPayload(string HottestWidget, int WidgetCount);

    [Fact]
    public async Task A_non_admin_or_anonymous_caller_cannot_connect()
    {
        var asUser = () => SignalRJsonClient.ConnectAsync(fixture.Factory, AdminHub, query: "?access_token=" + Uri.EscapeDataString(fixture.User.AccessToken));
        var anonymous = () => SignalRJsonClient.ConnectAsync(fixture.Factory, AdminHub);
        using var client = fixture.Factory.CreateClient();
        using var negotiate = await client.PostAsync("/v1/admin/ws/negotiate?negotiateVersion=1&access_token=" + Uri.EscapeDataString(fixture.User.AccessToken), null);

        (await asUser.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("403");
        (await anonymous.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("401");
        negotiate.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
