using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Tests.Integrations;

/// <summary>A standalone front end gets grain answers as JSON (web defaults, fields included): the replies must survive it.</summary>
public sealed class IntegrationWireTests
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { IncludeFields = true };

    [Fact]
    public void An_integration_reply_keeps_its_view_its_refusal_and_its_retry_after()
    {
        var now = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var view = new IntegrationView(
            Guid.NewGuid(), Guid.NewGuid(), "NIM", "ai_provider", IntegrationPlatforms.OpenAiCompatible, IntegrationStatus.Connected,
            JsonSerializer.SerializeToElement(new { base_url = "https://nim.example.com/v1", models = new[] { "m" } }),
            ["api_key"], new IntegrationHealth(IntegrationHealth.Healthy, now, 0, null, 12.5),
            new IntegrationSyncStatus(IntegrationSyncStatus.Running, 600, now, IntegrationSyncStatus.Succeeded, null, now.AddMinutes(10), ["m"]), now, now);

        var found = RoundTrip(IntegrationReply<IntegrationView>.Of(view));
        var refused = RoundTrip(IntegrationReply<IntegrationView>.Refused("configuration.url", "private address"));
        var limited = RoundTrip(IntegrationReply<ConnectionTestResult>.RateLimited(17));

        found.Value.Should().BeEquivalentTo(view, o => o.ComparingByMembers<JsonElement>().Excluding(v => v.Configuration));
        found.Value!.Configuration.GetRawText().Should().Be(view.Configuration.GetRawText());
        refused.Errors!["configuration.url"].Should().Equal("private address");
        limited.IsRateLimited.Should().BeTrue();
        limited.RetryAfterSeconds.Should().Be(17);
        limited.Value.Should().BeNull();
    }

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Wire), Wire)!;
}
