using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace MindPeeker.ApiFrontend.Observability.Metrics;

/// <summary>
/// The <c>route</c> label of an endpoint: its route template with parameter constraints and defaults left out and no
/// trailing slash (<c>/v1/sessions/{id:guid}</c> → <c>/v1/sessions/{id}</c>, <c>/v1/sessions/</c> → <c>/v1/sessions</c>).
/// Computed once per endpoint and cached, so labelling a request allocates nothing. Thread-safe.
/// </summary>
internal static class RouteLabels
{
    private static readonly ConcurrentDictionary<RouteEndpoint, string> Cache = new();

    /// <summary>The label of the matched endpoint, or null when the request matched none.</summary>
    public static string? Of(Endpoint? endpoint) =>
        endpoint is RouteEndpoint route ? Cache.GetOrAdd(route, static e => Format(e.RoutePattern)) : null;

    private static string Format(RoutePattern pattern)
    {
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                _ = part switch
                {
                    RoutePatternLiteralPart literal => text.Append(literal.Content),
                    RoutePatternSeparatorPart separator => text.Append(separator.Content),
                    RoutePatternParameterPart parameter => text.Append('{').Append(parameter.IsCatchAll ? "*" : string.Empty).Append(parameter.Name).Append('}'),
                    _ => text,
                };
            }
        }

        return text.Length == 0 ? "/" : text.ToString();
    }
}
