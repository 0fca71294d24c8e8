using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Webhooks;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Webhooks;

/// <summary>A deactivating endpoint waits for its running attempts only as long as the silo's deactivation timeout allows.</summary>
public sealed class WebhookRequestTimeoutTests
{
    [Fact]
    public async Task A_silo_whose_webhook_requests_may_outlast_the_deactivation_timeout_refuses_to_start_and_starts_once_the_timeout_is_longer()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var slowRequests = new Dictionary<string, string?> { ["Webhooks:RequestTimeout"] = "00:01:00" };

        var refused = await FluentActions.Awaiting(() => WebhookSilo.StartAsync(database, configuration: slowRequests))
            .Should().ThrowAsync<OptionsValidationException>();
        refused.Which.Message.Should().Contain("Webhooks:RequestTimeout (00:01:00) must be shorter than Silo:GrainCollection:DeactivationTimeout (00:00:30)");

        slowRequests["Silo:GrainCollection:DeactivationTimeout"] = "00:01:30";
        await using var silo = await WebhookSilo.StartAsync(database, configuration: slowRequests);
        silo.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.RequestTimeout.Should().Be(TimeSpan.FromMinutes(1));
    }
}
