using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.DataLifecycle;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Idempotency;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Http.Validation;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary>
/// <c>/v1/integrations</c> (API.md, "Integrations"; docs/integrations.md). Every route asks the integration grain, which
/// answers nothing for another user's integration, so it is a 404 everywhere. Reads need <c>integrations:read</c>;
/// test, connect, disconnect and sync act on the integration and need <c>integrations:update</c>. Credentials are never
/// part of an answer: <c>credential_fields</c> names the ones that are set.
/// </summary>
internal static class IntegrationsApi
{
    public const int DefaultLogLimit = 50;
    public const int MaxLogLimit = 1000;

    public static RouteGroupBuilder MapIntegrationsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create).Validate<CreateIntegrationRequest>().WithIdempotencyKey()
            .RequirePermission(Permissions.Integrations, Permissions.Create).WithName("CreateIntegration");
        group.MapGet("/", List).RequirePermission(Permissions.Integrations, Permissions.Read).WithName("ListIntegrations").WithIncrementalSync(SyncResource.Integrations);
        group.MapGet("/{id:guid}", Get).RequirePermission(Permissions.Integrations, Permissions.Read).WithName("GetIntegration");
        group.MapPatch("/{id:guid}", Update).Validate<UpdateIntegrationRequest>()
            .RequirePermission(Permissions.Integrations, Permissions.Update).WithName("UpdateIntegration");
        group.MapDelete("/{id:guid}", Delete).RequirePermission(Permissions.Integrations, Permissions.Delete).WithName("DeleteIntegration");
        group.MapPost("/{id:guid}/test", Test).RequirePermission(Permissions.Integrations, Permissions.Update).WithName("TestIntegration");
        group.MapPost("/{id:guid}/connect", Connect).RequirePermission(Permissions.Integrations, Permissions.Update).WithName("ConnectIntegration");
        group.MapPost("/{id:guid}/disconnect", Disconnect).RequirePermission(Permissions.Integrations, Permissions.Update).WithName("DisconnectIntegration");
        group.MapPost("/{id:guid}/sync", StartSync).RequirePermission(Permissions.Integrations, Permissions.Update).WithName("StartIntegrationSync");
        group.MapPost("/{id:guid}/sync/stop", StopSync).RequirePermission(Permissions.Integrations, Permissions.Update).WithName("StopIntegrationSync");
        group.MapGet("/{id:guid}/health", Health).RequirePermission(Permissions.Integrations, Permissions.Read).WithName("GetIntegrationHealth");
        group.MapGet("/{id:guid}/metrics", Metrics).RequirePermission(Permissions.Integrations, Permissions.Read).WithName("GetIntegrationMetrics");
        group.MapGet("/{id:guid}/logs", Logs).RequirePermission(Permissions.Integrations, Permissions.Read).WithName("GetIntegrationLogs");
        return group;
    }

    internal static async Task<Results<Created<ApiEnvelope<IntegrationView>>, ProblemHttpResult>> Create(
        CreateIntegrationRequest request, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var id = Guid.CreateVersion7(time.GetUtcNow());
        var reply = await grains.GetGrain<IIntegrationGrain>(id).Create(request.ToCommand(Caller(context)));
        return reply.Value is { } created
            ? ApiResults.Created(context, $"/v1/integrations/{id}", created, "Integration created. Its credentials are stored encrypted and never shown again.")
            : IntegrationProblems.Unprocessable(reply.Errors ?? new Dictionary<string, string[]>());
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<IntegrationView>>>, ValidationProblem>> List(
        HttpContext context, IGrainFactory grains, [FromQuery] string? limit, [FromQuery(Name = "starting_after")] string? startingAfter)
    {
        var errors = ListQuery.TryRead(limit, startingAfter, out var pageSize, out var cursor);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var page = await grains.GetGrain<IUserIntegrationsGrain>(context.User.GetUserId()).List(pageSize, cursor);
        var next = page.HasMore ? page.Items[^1].Id.ToString() : null;
        return ApiResults.Ok(context, new ListResponse<IntegrationView>(page.Items, page.HasMore, next), "Integrations.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationView>>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).Get(Caller(context)) is { } integration
            ? ApiResults.Ok(context, integration, "Integration.")
            : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationView>>, ProblemHttpResult, ValidationProblem>> Update(
        Guid id, UpdateIntegrationRequest request, HttpContext context, IGrainFactory grains)
    {
        var grain = Integration(grains, id);
        var caller = Caller(context);
        if (await grain.Get(caller) is not { } current)
        {
            return IntegrationProblems.NotFound();
        }

        if (request.ToChanges(current, out var errors) is not { } changes)
        {
            return TypedResults.ValidationProblem(errors, detail: "The request is invalid; see errors.");
        }

        var reply = await grain.Update(caller, changes);
        return reply switch
        {
            { Value: { } updated } => ApiResults.Ok(context, updated, "Integration updated."),
            { Errors: { } refused } => IntegrationProblems.Unprocessable(refused),
            _ => IntegrationProblems.NotFound(),
        };
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).Delete(Caller(context)) ? TypedResults.NoContent() : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<ConnectionTestResult>>, ProblemHttpResult>> Test(Guid id, HttpContext context, IGrainFactory grains) =>
        Answer(context, await Integration(grains, id).Test(Caller(context)), r => r.Success ? "Connection test succeeded." : "Connection test failed.");

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationView>>, ProblemHttpResult>> Connect(Guid id, HttpContext context, IGrainFactory grains) =>
        Answer(context, await Integration(grains, id).Connect(Caller(context)), i => i.Status == IntegrationStatus.Connected
            ? "Integration connected."
            : $"Connection failed: {i.Health.LastError}");

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationView>>, ProblemHttpResult>> Disconnect(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).Disconnect(Caller(context)) is { } integration
            ? ApiResults.Ok(context, integration, "Integration disconnected.")
            : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationSyncStatus>>, ProblemHttpResult>> StartSync(Guid id, HttpContext context, IGrainFactory grains) =>
        Answer(context, await Integration(grains, id).StartSync(Caller(context)), s => $"Sync started: every {s.IntervalSeconds} s; the first run {s.LastSyncStatus}.");

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationSyncStatus>>, ProblemHttpResult>> StopSync(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).StopSync(Caller(context)) is { } sync
            ? ApiResults.Ok(context, sync, "Sync stopped.")
            : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationHealth>>, ProblemHttpResult>> Health(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).Health(Caller(context)) is { } health
            ? ApiResults.Ok(context, health, "Integration health.")
            : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<IntegrationMetrics>>, ProblemHttpResult>> Metrics(Guid id, HttpContext context, IGrainFactory grains) =>
        await Integration(grains, id).Metrics(Caller(context)) is { } metrics
            ? ApiResults.Ok(context, metrics, "Integration metrics.")
            : IntegrationProblems.NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<ItemsPage>>, ProblemHttpResult, ValidationProblem>> Logs(
        Guid id, HttpContext context, IGrainFactory grains, [FromQuery] string? limit)
    {
        var count = DefaultLogLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLogLimit))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"Must be a whole number from 1 to {MaxLogLimit}."] }, detail: "The query is invalid; see errors.");
        }

        return await Integration(grains, id).Logs(Caller(context), count) is { } entries
            ? ApiResults.Ok(context, new ItemsPage(entries), "Integration logs, newest first.")
            : IntegrationProblems.NotFound();
    }

    private static Results<Ok<ApiEnvelope<T>>, ProblemHttpResult> Answer<T>(HttpContext context, IntegrationReply<T> reply, Func<T, string> message)
        where T : class =>
        reply switch
        {
            { Value: { } value } => ApiResults.Ok(context, value, message(value)),
            { RetryAfterSeconds: { } seconds } => IntegrationProblems.RateLimited(context, seconds),
            _ => IntegrationProblems.NotFound(),
        };

    private static IIntegrationGrain Integration(IGrainFactory grains, Guid id) => grains.GetGrain<IIntegrationGrain>(id);

    private static IntegrationCaller Caller(HttpContext context) =>
        new(context.User.GetUserId(), context.User.GetApiKeyId(), ClientAddress.Of(context)?.ToString());

    /// <summary>The answer of <c>GET {id}/logs</c>.</summary>
    internal sealed record ItemsPage(IReadOnlyList<IntegrationLogEntry> Items);
}
