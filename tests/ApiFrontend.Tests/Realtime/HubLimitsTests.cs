using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>The hub's configured limits (<c>Realtime:Hub</c>), enforced per connection and validated at start.</summary>
public sealed class HubLimitsTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task A_connection_holds_at_most_the_configured_number_of_subscriptions()
    {
        await using var factory = new ApiFactory(database.ConnectionString, new Dictionary<string, string?> { ["Realtime:Hub:MaxSubscriptionsPerConnection"] = "2" });
        var client = factory.CreateClient();
        var owner = await TestAccounts.RegisterAsync(client, "limits");
        var sessions = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            sessions.Add(await RealtimeTestSessions.CreateAsync(client, owner));
        }

        await using var hub = await HubTestConnection.ConnectAsync(factory, request => request.Headers.Authorization = "Bearer " + owner.AccessToken);
        await hub.InvokeAsync("Subscribe", sessions[0].ToString());
        await hub.InvokeAsync("Subscribe", sessions[1].ToString());
        var again = await hub.InvokeAsync("Subscribe", sessions[1].ToString());
        var third = () => hub.InvokeAsync("Subscribe", sessions[2].ToString());
        var thirdRefusal = (await third.Should().ThrowAsync<HubInvocationException>()).Which.Message;
        await hub.InvokeAsync("Unsubscribe", sessions[0].ToString());
        var afterUnsubscribe = await hub.InvokeAsync("Subscribe", sessions[2].ToString());

        again.GetProperty("session").GetProperty("id").GetGuid().Should().Be(sessions[1], "subscribing again to a held session is not a new subscription");
        thirdRefusal.Should().EndWith("HubException: A connection may subscribe to at most 2 sessions.");
        afterUnsubscribe.GetProperty("session").GetProperty("id").GetGuid().Should().Be(sessions[2]);
    }

    [Theory]
    [InlineData("Realtime:Hub:MaxSubscriptionsPerConnection", "0")]
    [InlineData("Realtime:Hub:SendTimeout", "00:00:00")]
    [InlineData("Realtime:Notifier:MaxBatchSize", "0")]
    public void An_invalid_setting_stops_the_host_from_starting(string key, string value)
    {
        using var factory = new ApiFactory(database.ConnectionString, new Dictionary<string, string?> { [key] = value });

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(key.Split(':')[^1]);
    }
}
