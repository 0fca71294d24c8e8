namespace MindPeeker.Sdk;

/// <summary>
/// Settings of a <see cref="MindPeekerClient"/>. Set <see cref="BaseAddress"/> and one credential:
/// <see cref="ApiKey"/> (sent as <c>X-API-Key</c>) or <see cref="BearerToken"/> (sent as
/// <c>Authorization: Bearer</c>). Read once by the client's constructor; later changes have no effect.
/// </summary>
public sealed class MindPeekerClientOptions
{
    /// <summary>The front end's base URL, e.g. <c>http://127.0.0.1:5080</c> (without <c>/v1</c>).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key (<c>mp_…</c>); takes precedence over <see cref="BearerToken"/> when both are set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A JWT access token from <c>POST /v1/auth/login</c>; it expires after 15 minutes.</summary>
    public string? BearerToken { get; set; }

    /// <summary>How 429 and 503 answers are retried. Default: <see cref="RetryPolicy.Default"/>.</summary>
    public RetryPolicy Retry { get; set; } = RetryPolicy.Default;

    /// <summary>The clock for retry waits, polling and timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Sent as <c>X-Client-Version</c> (the server logs it). Default <c>mindpeeker-dotnet/1.0.0</c>.</summary>
    public string ClientVersion { get; set; } = "mindpeeker-dotnet/1.0.0";
}
