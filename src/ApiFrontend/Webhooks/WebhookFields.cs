using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.Grains.Abstractions.Webhooks;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>The field rules shared by create and update; the address policy itself is checked by the silo.</summary>
internal static class WebhookFields
{
    public const int MaxUrlLength = 2048;
    public const int MaxDescriptionLength = 500;

    /// <summary>Event types an endpoint may subscribe to: all but <c>webhook.test</c>, which goes to the tested endpoint alone.</summary>
    public static IReadOnlyList<string> Subscribable { get; } = [.. WebhookEventTypes.All.Where(t => t != WebhookEventTypes.Test)];

    public static void ValidateUrl(string? url, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.AddError("url", $"An absolute http or https URL of at most {MaxUrlLength} characters is required.");
        }
    }

    public static void ValidateEvents(IReadOnlyList<string?>? events, Dictionary<string, string[]> errors)
    {
        if (events is not { Count: > 0 } || events.Any(e => e is null || !Subscribable.Contains(e, StringComparer.Ordinal)))
        {
            errors.AddError("events", $"One or more of {string.Join(", ", Subscribable)}.");
        }
    }

    public static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            errors.AddError("description", $"At most {MaxDescriptionLength} characters.");
        }
    }
}
