using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Net.Http.Headers;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// Browsers cannot set headers on WebSockets, so the admin hub (<c>/v1/admin/ws</c>) takes the JWT as
/// <c>access_token</c> in the query string, exactly like the public hub: the token becomes
/// <c>Authorization: Bearer</c> (unless that header is present) and leaves the query, before the general
/// query-credential check (which refuses credentials in any other query) and authentication run.
/// </summary>
internal static class AdminHubCredentials
{
    private const string AccessToken = "access_token";

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.QueryString.HasValue
            && request.Path.StartsWithSegments(DashboardFeature.HubPath, StringComparison.OrdinalIgnoreCase)
            && request.Query.TryGetValue(AccessToken, out var token))
        {
            if (!string.IsNullOrEmpty(token) && !request.Headers.ContainsKey(HeaderNames.Authorization))
            {
                request.Headers.Authorization = "Bearer " + token;
            }

            var rest = new QueryBuilder(request.Query
                .Where(p => !string.Equals(p.Key, AccessToken, StringComparison.Ordinal))
                .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty))));
            request.QueryString = rest.ToQueryString();
        }

        return next(context);
    }
}
