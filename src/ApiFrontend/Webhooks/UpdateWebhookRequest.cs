using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>
/// <c>PATCH /v1/webhooks/{id}</c>: any of <c>{url, events, description, status}</c>; absent members stay. <c>status</c>
/// <c>enabled</c> re-enables an endpoint the platform disabled. The secret cannot be changed.
/// </summary>
internal sealed record UpdateWebhookRequest(string? Url, IReadOnlyList<string?>? Events, string? Description, string? Status) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (Url is null && Events is null && Description is null && Status is null)
        {
            errors.AddError("body", "Give at least one of url, events, description, status.");
        }

        if (Url is not null)
        {
            WebhookFields.ValidateUrl(Url, errors);
        }

        if (Events is not null)
        {
            WebhookFields.ValidateEvents(Events, errors);
        }

        WebhookFields.ValidateDescription(Description, errors);
        if (Status is not null and not WebhookEndpointStatus.Enabled and not WebhookEndpointStatus.Disabled)
        {
            errors.AddError("status", "Must be enabled or disabled.");
        }

        return errors;
    }

    public WebhookEndpointChanges ToChanges() =>
        new(Url, Events is null ? null : [.. Events.Distinct(StringComparer.Ordinal)!], Description, Status);
}
