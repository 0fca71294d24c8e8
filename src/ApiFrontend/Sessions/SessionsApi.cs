using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.DataLifecycle;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Idempotency;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Realtime;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>
/// <c>/v1/sessions</c> (API.md, "Sessions"). Each route asks the session grain first, which answers
/// nothing for a session the caller may not see, so another user's session is a 404 everywhere.
/// Results need <c>analyses:read</c>; everything else <c>sessions:&lt;action&gt;</c> (cancel is an update).
/// </summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create).Validate<CreateSessionRequest>().WithIdempotencyKey()
            .RequirePermission(Permissions.Sessions, Permissions.Create).WithName("CreateSession");
        group.MapGet("/", List).RequirePermission(Permissions.Sessions, Permissions.Read).WithName("ListSessions").WithIncrementalSync(SyncResource.Sessions);
        group.MapGet("/{id:guid}", Get).RequirePermission(Permissions.Sessions, Permissions.Read).WithName("GetSession");
        group.MapPatch("/{id:guid}", Update).Validate<UpdateSessionRequest>()
            .RequirePermission(Permissions.Sessions, Permissions.Update).WithName("UpdateSession");
        group.MapPost("/{id:guid}/cancel", Cancel).RequirePermission(Permissions.Sessions, Permissions.Update).WithName("CancelSession");
        group.MapDelete("/{id:guid}", Delete).RequirePermission(Permissions.Sessions, Permissions.Delete).WithName("DeleteSession");
        group.MapGet("/{id:guid}/results", Results).RequirePermission(Permissions.Analyses, Permissions.Read).WithName("GetSessionResults");
        group.MapGet("/{id:guid}/events", Events).RequirePermission(Permissions.Sessions, Permissions.Read).WithName("GetSessionEvents");
        return group;
    }

    internal static async Task<Results<Created<ApiEnvelope<SessionResponse>>, ProblemHttpResult>> Create(
        CreateSessionRequest request, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        // Under an Idempotency-Key every attempt of this request creates the same session (creating it again returns it).
        var id = IdempotencyKeys.ResourceId(context) ?? Guid.CreateVersion7(time.GetUtcNow());
        var created = await grains.GetGrain<ISessionGrain>(id).Create(request.ToCommand(context.User.GetUserId()));
        if (created.Session is not { } session)
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(created.Errors?.ToDictionary() ?? [])
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Unprocessable session",
                Detail = "The session type cannot run this request; see errors.",
            });
        }

        return ApiResults.Created(context, SessionUrls.Of(id).Self, SessionResponse.From(session), "Session created.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<SessionResponse>>>, ValidationProblem>> List(HttpContext context, IGrainFactory grains)
    {
        var errors = SessionListQueryReader.TryRead(context.Request.Query, context.User.GetUserId(), out var query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        if (await grains.GetGrain<ISessionCatalogGrain>(0).List(query) is not { } page)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["starting_after"] = ["Must be the id of one of your sessions, from a previous page."] },
                detail: "The query is invalid; see errors.");
        }

        var items = page.Items.Select(SessionResponse.From).ToList();
        return ApiResults.Ok(context, new ListResponse<SessionResponse>(items, page.HasMore, page.NextCursor?.ToString()), "Sessions.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<SessionResponse>>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<ISessionGrain>(id).Get(Access(context)) is { } session
            ? ApiResults.Ok(context, SessionResponse.From(session), "Session.")
            : NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<SessionResponse>>, ProblemHttpResult>> Update(
        Guid id, UpdateSessionRequest request, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<ISessionGrain>(id).UpdateMetadata(Access(context), request.Metadata!.Value) is { } session
            ? ApiResults.Ok(context, SessionResponse.From(session), "Session updated.")
            : NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<SessionResponse>>, ProblemHttpResult>> Cancel(Guid id, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<ISessionGrain>(id).Cancel(Access(context)) is { } session
            ? ApiResults.Ok(context, SessionResponse.From(session), session.Status == SessionStatus.Cancelled ? "Session cancelled." : "Session already finished.")
            : NotFound();

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext context, IGrainFactory grains) =>
        await grains.GetGrain<ISessionGrain>(id).Delete(Access(context)) ? TypedResults.NoContent() : NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<ItemsResponse<SessionResultResponse>>>, ProblemHttpResult>> Results(
        Guid id, HttpContext context, IGrainFactory grains)
    {
        if (await grains.GetGrain<ISessionGrain>(id).Get(Access(context)) is null)
        {
            return NotFound();
        }

        var results = await grains.GetGrain<ISessionCatalogGrain>(0).Results(id);
        return ApiResults.Ok(context, new ItemsResponse<SessionResultResponse>([.. results.Select(SessionResultResponse.From)]), "Session results.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ItemsResponse<SessionUpdateMessage>>>, ProblemHttpResult, ValidationProblem>> Events(
        Guid id, HttpContext context, IGrainFactory grains)
    {
        long after = 0;
        if (context.Request.Query.TryGetValue("starting_after", out var text)
            && (text.Count != 1 || !long.TryParse(text[0], NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["starting_after"] = ["Must be a sequence number (a whole number, 0 or more)."] },
                detail: "The query is invalid; see errors.");
        }

        if (await grains.GetGrain<ISessionGrain>(id).Get(Access(context)) is null)
        {
            return NotFound();
        }

        var updates = await grains.GetGrain<ISessionCatalogGrain>(0).Events(id, after, SessionLimits.MaxEventsPerRequest);
        return ApiResults.Ok(context, new ItemsResponse<SessionUpdateMessage>([.. updates.Select(SessionUpdateMessage.From)]), "Session events.");
    }

    private static SessionAccess Access(HttpContext context) => new(context.User.GetUserId(), context.User.IsAdmin());

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such session.");
}
