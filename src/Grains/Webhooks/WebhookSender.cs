using System.Net.Http.Headers;
using System.Text;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Webhooks.Signing;

namespace MindPeeker.Grains.Webhooks;

/// <summary>
/// Sends one signed delivery attempt: <c>POST url</c> with the stored body, the Standard Webhooks headers, the legacy
/// <c>X-MindPeeker-Signature</c> and <c>X-MindPeeker-Event</c>. The client it is given never follows redirects and
/// checks every resolved address (<see cref="OutboundHttpClientFactory"/>); its timeout is the attempt's timeout.
/// Never throws for the receiver's behaviour: every answer or failure becomes a <see cref="WebhookAttemptOutcome"/>.
/// Thread safe; one per silo.
/// </summary>
internal sealed class WebhookSender(HttpClient client, StandardWebhookSigner signer, TimeProvider time)
{
    public const string EventHeader = "X-MindPeeker-Event";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<WebhookAttemptOutcome> SendAsync(Uri url, WebhookSecret secret, DueDelivery delivery, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        signer.CreateHeaders(secret, delivery.EventId, body).ApplyTo(request.Headers);
        request.Headers.TryAddWithoutValidation(EventHeader, delivery.EventType);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAttemptOutcome((int)response.StatusCode, null, RetryAfter(response.Headers.RetryAfter));
        }
        catch (HttpRequestException exception)
        {
            var blocked = OutboundDestinationBlockedException.Find(exception);
            return new WebhookAttemptOutcome(null, blocked is not null ? "Destination refused: " + blocked.Message : exception.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptOutcome(null, $"No answer within {client.Timeout.TotalSeconds:0.#} s.");
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
