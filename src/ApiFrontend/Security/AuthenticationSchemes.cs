namespace MindPeeker.ApiFrontend.Security;

/// <summary>The two ways a request authenticates: <c>Authorization: Bearer &lt;JWT&gt;</c> or <c>X-API-Key</c>.</summary>
public static class AuthenticationSchemes
{
    public const string Bearer = "Bearer";

    public const string ApiKey = "ApiKey";

    /// <summary>Both, for endpoints any authenticated caller may use.</summary>
    public const string BearerOrApiKey = Bearer + "," + ApiKey;
}
