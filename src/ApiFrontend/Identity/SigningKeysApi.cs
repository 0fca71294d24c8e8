using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Identity.Tokens;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>
/// <c>POST /v1/admin/signing-keys/rotate</c> (admin): a new active signing key; tokens signed by the
/// previous one stay valid until it retires. An extension of API.md, documented in docs/identity.md.
/// </summary>
internal static class SigningKeysApi
{
    public static RouteGroupBuilder MapSigningKeysApi(this RouteGroupBuilder group)
    {
        group.MapPost("/rotate", Rotate).RequirePermission(Permissions.Admin, Permissions.Update).WithName("RotateSigningKey");
        return group;
    }

    internal static async Task<Results<Ok<ApiEnvelope<SigningKeysResponse>>, ProblemHttpResult>> Rotate(
        HttpContext context, SigningKeyCache keys, IGrainFactory grains)
    {
        SigningKeySnapshot snapshot;
        try
        {
            snapshot = await keys.RotateAsync();
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: e.Message);
        }

        var active = snapshot.Signing.Key.KeyId;
        await grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.SigningKeyRotated, context.User.GetUserId(), context.User.GetApiKeyId(), "signing_key", active, ClientAddress.Of(context)?.ToString()));
        return ApiResults.Ok(context, new SigningKeysResponse(active, [.. snapshot.PublicKeys.Select(k => k.KeyId)]), "Signing key rotated.");
    }
}
