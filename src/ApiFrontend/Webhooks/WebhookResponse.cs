using System.Text.Json.Serialization;
using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>An endpoint as the API shows it; <see cref="Secret"/> only in the answer to its creation.</summary>
internal sealed record WebhookResponse(
    Guid Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    string Status,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret = null)
{
    public static WebhookResponse From(WebhookEndpointView endpoint, string? secret = null) =>
        new(endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Description, endpoint.Status, endpoint.CreatedAt, secret);
}
