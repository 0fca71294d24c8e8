using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace MindPeeker.ApiFrontend.Realtime;

/// <summary>
/// API.md: credentials in query strings are refused, except <c>access_token</c> on the SignalR hubs
/// (<c>/v1/ws</c> and the admin hub <c>/v1/admin/ws</c>), because browsers cannot set headers on WebSockets.
/// On a hub this moves the token into <c>Authorization: Bearer</c> (unless the request already has that
/// header) and out of the query, before authentication runs, so nothing after it sees the token in a URL;
/// anywhere else, or any other credential parameter, answers 401 problem+json.
/// </summary>
internal static class QueryStringCredentials
{
    public const string AccessToken = "access_token";

    /// <summary>The SignalR endpoints that take <see cref="AccessToken"/>.</summary>
    private static readonly PathString[] HubPaths = [RealtimeFeature.HubPath, Dashboard.DashboardFeature.HubPath];

    /// <summary>Query parameters that would carry a credential; only <see cref="AccessToken"/> on the hub is honoured.</summary>
    private static readonly string[] CredentialParameters = [AccessToken, "api_key", "apikey"];

    public static Task ApplyAsync(HttpContext context, RequestDelegate next)
    {
        var query = context.Request.Query;
        if (query.Count == 0)
        {
            return next(context);
        }

        var onHub = Array.Exists(HubPaths, hub => context.Request.Path.StartsWithSegments(hub, StringComparison.OrdinalIgnoreCase));
        foreach (var parameter in CredentialParameters)
        {
            if (!query.ContainsKey(parameter) || (onHub && parameter == AccessToken))
            {
                continue;
            }

            return RefuseAsync(context, parameter);
        }

        if (onHub && query.TryGetValue(AccessToken, out var token))
        {
            if (!string.IsNullOrEmpty(token) && !context.Request.Headers.ContainsKey(HeaderNames.Authorization))
            {
                context.Request.Headers.Authorization = "Bearer " + token;
            }

            context.Request.QueryString = new QueryBuilder(query
                .Where(p => !string.Equals(p.Key, AccessToken, StringComparison.Ordinal))
                .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty)))).ToQueryString();
        }

        return next(context);
    }

    private static async Task RefuseAsync(HttpContext context, string parameter)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QueryStringCredentials));
        RealtimeLog.QueryCredentialsRefused(logger, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = $"Credentials are not accepted in the query string ('{parameter}'). Send Authorization: Bearer or X-API-Key; "
                    + $"only the SignalR hubs {RealtimeFeature.HubPath} and {Dashboard.DashboardFeature.HubPath} take '{AccessToken}'.",
            },
        });
    }
}
