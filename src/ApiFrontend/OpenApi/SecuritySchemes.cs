using Microsoft.OpenApi;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>The document's two security schemes (API.md, "Conventions"): a JWT bearer token and an API key header.</summary>
internal static class SecuritySchemes
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public static Dictionary<string, IOpenApiSecurityScheme> Create() => new(StringComparer.Ordinal)
    {
        [Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "`Authorization: Bearer <access token>` from `POST /v1/auth/login`, `/register` or `/refresh`. "
                + "Access tokens follow the JWT best current practices of RFC8725: RS256 only (`alg: none` and HMAC "
                + "algorithms are refused), `kid` selects the key published at `/.well-known/jwks.json`, `iss` "
                + "(mindpeeker-auth) and `aud` (mindpeeker-api) are checked, and a token lives 15 minutes. "
                + "The scopes listed on an operation are the permissions (`resource:action`) the caller needs.",
        },
        [ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AuthenticationSchemes.ApiKeyHeader,
            Description = "An API key from `POST /v1/api-keys` in the `X-API-Key` header (never in the query string). "
                + "A key carries its own permissions, never more than its owner's; the scopes listed on an operation "
                + "are the permissions (`resource:action`) it needs.",
        },
    };
}
