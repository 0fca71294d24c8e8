using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Realtime;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// GDPR (docs/data-lifecycle.md): <c>GET /v1/users/me/export</c> and <c>DELETE /v1/users/me</c> for the signed-in user
/// (an access token, not an API key; erasure also re-confirms the password), and <c>GET /v1/admin/users/{id}/export</c>
/// and <c>DELETE /v1/admin/users/{id}</c> for admins. Work happens in <see cref="IUserDataGrain"/>, which audits it.
/// </summary>
internal static class UserDataApi
{
    public static RouteGroupBuilder MapUserDataApi(this RouteGroupBuilder users)
    {
        users.MapGet("/me/export", ExportMe).RequireAuthenticatedCaller().WithName("ExportCurrentUser");
        users.MapDelete("/me", EraseMe).Validate<EraseAccountRequest>().RequireAuthenticatedCaller().WithName("EraseCurrentUser");
        return users;
    }

    public static RouteGroupBuilder MapAdminUserDataApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/users/{id:guid}/export", ExportUser).RequirePermission(Permissions.Admin, Permissions.Read).WithName("ExportUser");
        admin.MapDelete("/users/{id:guid}", EraseUser).RequirePermission(Permissions.Admin, Permissions.Delete).WithName("EraseUser");
        return admin;
    }

    internal static async Task<Results<Ok<ApiEnvelope<JsonElement>>, ProblemHttpResult>> ExportMe(HttpContext context, IGrainFactory grains)
    {
        if (ApiKeyRefused(context) is { } refused)
        {
            return refused;
        }

        return await ExportAsync(context, grains, context.User.GetUserId());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> EraseMe(
        [FromBody] EraseAccountRequest request, HttpContext context, IGrainFactory grains, HubConnectionsByApiKey hubConnections)
    {
        if (ApiKeyRefused(context) is { } refused)
        {
            return refused;
        }

        var userId = context.User.GetUserId();
        if (await grains.GetGrain<IUserGrain>(userId).GetProfile() is not { } profile)
        {
            return NotFound();
        }

        if (await grains.GetGrain<ICredentialsGrain>(0).Verify(profile.Email, request.Password!) != userId)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "The password is wrong; the account was not erased.");
        }

        return await EraseAsync(context, grains, hubConnections, userId) is null ? NotFound() : TypedResults.NoContent();
    }

    internal static Task<Results<Ok<ApiEnvelope<JsonElement>>, ProblemHttpResult>> ExportUser(Guid id, HttpContext context, IGrainFactory grains) =>
        ExportAsync(context, grains, id);

    internal static async Task<Results<Ok<ApiEnvelope<ErasureResponse>>, ProblemHttpResult>> EraseUser(
        Guid id, HttpContext context, IGrainFactory grains, HubConnectionsByApiKey hubConnections) =>
        await EraseAsync(context, grains, hubConnections, id) is { } report
            ? ApiResults.Ok(context, ErasureResponse.From(report), "User erased.")
            : NotFound();

    private static async Task<Results<Ok<ApiEnvelope<JsonElement>>, ProblemHttpResult>> ExportAsync(HttpContext context, IGrainFactory grains, Guid userId)
    {
        var document = await grains.GetGrain<IUserDataGrain>(userId).Export(Requester(context));
        if (document is null)
        {
            return NotFound();
        }

        using var parsed = JsonDocument.Parse(document);
        return ApiResults.Ok(context, parsed.RootElement.Clone(), "All data stored about the user.");
    }

    private static async Task<ErasureReport?> EraseAsync(HttpContext context, IGrainFactory grains, HubConnectionsByApiKey hubConnections, Guid userId)
    {
        var report = await grains.GetGrain<IUserDataGrain>(userId).Erase(Requester(context));
        foreach (var keyId in report?.ApiKeyIds ?? [])
        {
            hubConnections.CloseAll(keyId);
        }

        return report;
    }

    private static DataRequester Requester(HttpContext context) =>
        new(context.User.GetUserId(), context.User.GetApiKeyId(), ClientAddress.Of(context)?.ToString());

    private static ProblemHttpResult? ApiKeyRefused(HttpContext context) =>
        context.User.GetApiKeyId() is null
            ? null
            : TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: SecurityProblems.InsufficientPermissions,
                detail: "Exporting or erasing an account needs the account holder's sign-in (an access token), not an API key.");

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such user.");
}
