namespace MindPeeker.Grains.Abstractions.Webhooks;

/// <summary>
/// The answer to a create or update: the endpoint (with <see cref="Secret"/> only for a create), or the reasons it was
/// refused by field (for example <c>url</c> naming why the address is not allowed).
/// </summary>
public sealed record WebhookEndpointResult(WebhookEndpointView? Endpoint, string? Secret, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static WebhookEndpointResult Refused(string field, string message) => new(null, null, new Dictionary<string, string[]> { [field] = [message] });
}
