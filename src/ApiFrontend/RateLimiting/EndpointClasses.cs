using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// The endpoint classes with a tighter policy than the default, matched by method and path (a trailing
/// slash and letter case ignored) so they hold whether or not the route exists or is later remapped.
/// </summary>
internal static class EndpointClasses
{
    private static readonly PathString Sessions = new("/v1/sessions");
    private static readonly PathString[] AuthAttempts = [new("/v1/auth/login"), new("/v1/auth/register"), new("/v1/auth/refresh")];

    /// <summary>The tighter policy <paramref name="request"/> falls under, or <see langword="null"/>.</summary>
    public static string? Match(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return null;
        }

        var path = Trimmed(request.Path);
        if (path.Equals(Sessions, StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitingConstants.SessionCreationPolicy;
        }

        foreach (var auth in AuthAttempts)
        {
            if (path.Equals(auth, StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitingConstants.AuthAttemptsPolicy;
            }
        }

        return null;
    }

    private static PathString Trimmed(PathString path) =>
        path.Value is { Length: > 1 } value && value[^1] == '/' ? new PathString(value[..^1]) : path;
}
