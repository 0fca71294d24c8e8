using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// The request context that permission conditions read: <c>userId</c>, <c>organization</c> (when the
/// principal has one), every route value by name, the route's <c>{id}</c> also named after the
/// collection it identifies (<c>/v1/sessions/{id}/results</c> → <c>sessionId</c>; <c>apiKeyId</c>,
/// <c>webhookId</c>, <c>integrationId</c>), and <c>request.method</c> / <c>request.path</c> / <c>request.ip</c>.
/// </summary>
internal static class AccessContext
{
    private static readonly Dictionary<string, string> IdNames = new(StringComparer.Ordinal)
    {
        [Permissions.Sessions] = "sessionId",
        [Permissions.Webhooks] = "webhookId",
        [Permissions.Integrations] = "integrationId",
        [Permissions.ApiKeys] = "apiKeyId",
    };

    public static IReadOnlyDictionary<string, object?> From(HttpContext? http, ClaimsPrincipal user)
    {
        var context = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (user.FindFirst(MindPeekerClaims.Subject)?.Value is { } userId)
        {
            context["userId"] = userId;
        }

        if (user.FindFirst("organization")?.Value is { } organization)
        {
            context["organization"] = organization;
        }

        if (http is null)
        {
            return context;
        }

        foreach (var (name, value) in http.GetRouteData().Values)
        {
            context[name] = value?.ToString();
        }

        if (context.TryGetValue("id", out var id) && IdNames.TryGetValue(Collection(http.Request.Path), out var idName))
        {
            context.TryAdd(idName, id);
        }

        context["request"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["method"] = http.Request.Method,
            ["path"] = http.Request.Path.Value,
            ["ip"] = ClientAddress.Of(http)?.ToString(),
        };
        return context;
    }

    /// <summary>The collection a /v1 path addresses: <c>/v1/sessions/1/results</c> → <c>sessions</c>.</summary>
    private static string Collection(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        return segments is ["v1", var collection, ..] ? collection : string.Empty;
    }
}
