using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.DataLifecycle;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Realtime;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.ApiKeys;

/// <summary><c>/v1/api-keys</c>: create (the secret shown once), list, get, revoke. Another user's key answers 404.</summary>
internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create).Validate<CreateApiKeyRequest>().RequirePermission(Permissions.ApiKeys, Permissions.Create).WithName("CreateApiKey");
        group.MapGet("/", List).RequirePermission(Permissions.ApiKeys, Permissions.Read).WithName("ListApiKeys").WithIncrementalSync(SyncResource.ApiKeys);
        group.MapGet("/{id:guid}", Get).RequirePermission(Permissions.ApiKeys, Permissions.Read).WithName("GetApiKey");
        group.MapDelete("/{id:guid}", Revoke).RequirePermission(Permissions.ApiKeys, Permissions.Delete).WithName("RevokeApiKey");
        return group;
    }

    internal static async Task<Results<Created<ApiEnvelope<ApiKeyResponse>>, ProblemHttpResult>> Create(
        CreateApiKeyRequest request, HttpContext context, IGrainFactory grains, RoleCatalog roles)
    {
        var user = context.User;
        var keyRequest = request.ToGrainRequest();
        var (owner, credential) = (roles.For(user), PermissionSet.FromClaims(user));
        var excess = keyRequest.Permissions
            .SelectMany(p => p.Actions.Select(a => (p.Resource, Action: a)))
            .Where(p => !owner.Covers(p.Resource, p.Action) || !credential.Covers(p.Resource, p.Action))
            .Select(p => $"{p.Resource}:{p.Action}")
            .ToList();
        if (excess.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: SecurityProblems.InsufficientPermissions,
                detail: $"A key cannot exceed its owner's rights; not yours: {string.Join(", ", excess)}.");
        }

        var created = await grains.GetGrain<IUserApiKeysGrain>(user.GetUserId()).Create(keyRequest);
        await grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.ApiKeyCreated,
            user.GetUserId(),
            user.GetApiKeyId(),
            "api_key",
            created.View.Id.ToString(),
            ClientAddress.Of(context)?.ToString(),
            new Dictionary<string, string> { ["name"] = created.View.Name, ["prefix"] = created.View.Prefix }));
        return ApiResults.Created(context, $"/v1/api-keys/{created.View.Id}", ApiKeyResponse.From(created.View, created.Key), "API key created. Store the key now: it is not shown again.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<ApiKeyResponse>>>, ValidationProblem>> List(
        HttpContext context, IGrainFactory grains, [FromQuery] string? limit, [FromQuery(Name = "starting_after")] string? startingAfter)
    {
        var errors = ListQuery.TryRead(limit, startingAfter, out var pageSize, out var cursor);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var page = await grains.GetGrain<IUserApiKeysGrain>(context.User.GetUserId()).List(pageSize, cursor);
        var items = page.Items.Select(k => ApiKeyResponse.From(k)).ToList();
        var next = page.HasMore ? items[^1].Id.ToString() : null;
        return ApiResults.Ok(context, new ListResponse<ApiKeyResponse>(items, page.HasMore, next), "API keys.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ApiKeyResponse>>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains)
    {
        var key = await grains.GetGrain<IUserApiKeysGrain>(context.User.GetUserId()).Find(id);
        return key is null ? NotFound() : ApiResults.Ok(context, ApiKeyResponse.From(key), "API key.");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid id, HttpContext context, IGrainFactory grains, HubConnectionsByApiKey hubConnections)
    {
        var user = context.User;
        if (!await grains.GetGrain<IUserApiKeysGrain>(user.GetUserId()).Revoke(id))
        {
            return NotFound();
        }

        hubConnections.CloseAll(id);

        await grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.ApiKeyRevoked, user.GetUserId(), user.GetApiKeyId(), "api_key", id.ToString(), ClientAddress.Of(context)?.ToString()));
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such API key.");
}
