using System.Text;
using MindPeeker.Sdk.Webhooks;

namespace MindPeeker.Sdk.Tests.Webhooks;

/// <summary><see cref="WebhookVerifier"/> on a delivery the running MindPeeker really sent to a loopback receiver.</summary>
[Collection(LiveServerCollection.Name)]
public sealed class DeliveredWebhookTests(LiveServer server)
{
    [Fact]
    public async Task A_real_delivery_verifies_with_its_endpoint_secret_and_fails_with_another_or_when_tampered()
    {
        using var receiver = new WebhookReceiver();
        var endpoint = await server.PostAsUserAsync("/v1/webhooks", new { url = receiver.Url.ToString(), events = new[] { "session.completed" } });
        var secret = endpoint.GetProperty("secret").GetString()!;
        await server.PostAsUserAsync($"/v1/webhooks/{endpoint.GetProperty("id").GetString()}/test", new { });

        var delivery = await receiver.NextAsync(TimeSpan.FromSeconds(60));

        Encoding.UTF8.GetString(delivery.Body).Should().Contain("webhook.test");
        var verifier = new WebhookVerifier(secret);
        FluentActions.Invoking(() => verifier.Verify(delivery.Body, delivery.Headers)).Should().NotThrow();
        var tampered = delivery.Body.ToArray();
        tampered[^2] ^= 1;
        FluentActions.Invoking(() => verifier.Verify(tampered, delivery.Headers)).Should().Throw<WebhookVerificationException>();
        FluentActions.Invoking(() => new WebhookVerifier("whsec_" + Convert.ToBase64String(new byte[32])).Verify(delivery.Body, delivery.Headers))
            .Should().Throw<WebhookVerificationException>();
    }
}
