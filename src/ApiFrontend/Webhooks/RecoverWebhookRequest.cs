using MindPeeker.ApiFrontend.Http.Validation;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary><c>POST /v1/webhooks/{id}/recover</c>: <c>{since}</c>, an ISO 8601 time not in the future.</summary>
internal sealed record RecoverWebhookRequest(DateTimeOffset? Since) : IValidatableRequest
{
    public Dictionary<string, string[]> Validate(TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (Since is not { } since || since > time.GetUtcNow())
        {
            errors.AddError("since", "An ISO 8601 time, not in the future, is required.");
        }

        return errors;
    }
}
