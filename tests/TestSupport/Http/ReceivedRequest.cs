using System.Text.Json;

namespace MindPeeker.TestSupport.Http;

/// <summary>One request as <see cref="WebhookTestReceiver"/> saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="WebhookId">The <c>webhook-id</c> header, if any.</param>
/// <param name="Timestamp">The <c>webhook-timestamp</c> header, if any.</param>
/// <param name="Event">The <c>X-MindPeeker-Event</c> header, if any.</param>
/// <param name="Signature">The <c>webhook-signature</c> header, if any.</param>
/// <param name="LegacySignature">The <c>X-MindPeeker-Signature</c> header, if any.</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record ReceivedRequest(string Method, string Path, string? WebhookId, string? Timestamp, string? Event, string? Signature, string? LegacySignature, string Body)
{
    /// <summary>The body's top-level <c>type</c> (a webhook event's type), or null when the body is no JSON object with one.</summary>
    public string? Type
    {
        get
        {
            try
            {
                using var json = JsonDocument.Parse(Body);
                return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type) ? type.GetString() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
