using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary><c>POST /v1/webhooks</c> (API.md): <c>{url, events, description?, secret?}</c>; the secret, when given, is <c>whsec_&lt;base64&gt;</c> of 24–64 bytes.</summary>
internal sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string?>? Events, string? Description, string? Secret) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        WebhookFields.ValidateUrl(Url, errors);
        WebhookFields.ValidateEvents(Events, errors);
        WebhookFields.ValidateDescription(Description, errors);
        if (Secret is not null && (Secret.Length > 200 || !Secret.StartsWith("whsec_", StringComparison.Ordinal)))
        {
            errors.AddError("secret", "Must be whsec_ followed by the base64 of 24 to 64 random bytes.");
        }

        return errors;
    }

    /// <summary>The request as the grain takes it; call only after <see cref="Validate"/> passed.</summary>
    public WebhookEndpointRequest ToGrainRequest() => new(Url!, [.. Events!.Distinct(StringComparer.Ordinal)!], Description, Secret);
}
