namespace MindPeeker.ApiFrontend.Security;

/// <summary>The two ways a request authenticates: <c>Authorization: Bearer &lt;JWT&gt;</c> or <c>X-API-Key</c>.</summary>
public static class AuthenticationSchemes
{
    public const string Bearer = "Bearer";

    public const string ApiKey = "ApiKey";

    /// <summary>
    /// Both, for endpoints any authenticated caller may use: a policy scheme (and the default scheme)
    /// that forwards to <see cref="ApiKey"/> when an <c>X-API-Key</c> header is present, else to <see cref="Bearer"/>.
    /// </summary>
    public const string BearerOrApiKey = "BearerOrApiKey";

    /// <summary>The API-key header.</summary>
    public const string ApiKeyHeader = "X-API-Key";
}
