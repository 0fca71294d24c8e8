using System.Net.Http.Headers;

namespace MindPeeker.Grains.Webhooks.Signing;

/// <summary>
/// The signature headers of one delivery attempt, made by <see cref="StandardWebhookSigner.CreateHeaders(WebhookSecret, string, ReadOnlySpan{byte})"/>.
/// </summary>
/// <param name="Id">The <c>webhook-id</c> value.</param>
/// <param name="Timestamp">The <c>webhook-timestamp</c> value: Unix seconds.</param>
/// <param name="Signature">The <c>webhook-signature</c> value: <c>v1,&lt;base64&gt;</c>.</param>
/// <param name="LegacySignature">The <c>X-MindPeeker-Signature</c> value: lowercase hex.</param>
public sealed record WebhookSignatureHeaders(string Id, long Timestamp, string Signature, string LegacySignature)
{
    /// <summary>Sets the four headers on <paramref name="headers"/>, replacing earlier values.</summary>
    public void ApplyTo(HttpRequestHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Set(headers, WebhookHeaderNames.Id, Id);
        Set(headers, WebhookHeaderNames.Timestamp, Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set(headers, WebhookHeaderNames.Signature, Signature);
        Set(headers, WebhookHeaderNames.LegacySignature, LegacySignature);
    }

    private static void Set(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
