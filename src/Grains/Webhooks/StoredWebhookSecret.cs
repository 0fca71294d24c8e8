namespace MindPeeker.Grains.Webhooks;

/// <summary>An endpoint's secret columns as stored: <paramref name="Plaintext"/> (rows older than migration 0009) or <paramref name="Sealed"/>.</summary>
/// <param name="EndpointId">The endpoint.</param>
/// <param name="Plaintext">The <c>whsec_</c> text of a row not sealed yet, else null.</param>
/// <param name="Sealed">The envelope, else null.</param>
internal sealed record StoredWebhookSecret(Guid EndpointId, string? Plaintext, byte[]? Sealed);
