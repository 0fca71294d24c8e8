using System.Buffers.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Identity.Tokens;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>
/// <c>GET /.well-known/jwks.json</c>: the RS256 public keys that verify access tokens (RFC 7517), every
/// key of the ring that is not retired. A plain JWK Set, not the /v1 envelope, so JWT libraries read it.
/// </summary>
internal static class JwksApi
{
    public static IEndpointRouteBuilder MapJwks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/jwks.json", GetJwks).WithName("GetJwks");
        return endpoints;
    }

    internal static async Task<Ok<JsonWebKeySet>> GetJwks(HttpContext context, SigningKeyCache keys)
    {
        var snapshot = await keys.GetAsync();
        context.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new JsonWebKeySet([.. snapshot.PublicKeys.Select(k =>
            new JsonWebKey("RSA", "sig", "RS256", k.KeyId, Base64Url.EncodeToString(k.Modulus), Base64Url.EncodeToString(k.Exponent)))]));
    }
}
