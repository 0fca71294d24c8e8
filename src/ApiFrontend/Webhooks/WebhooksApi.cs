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
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>
/// <c>/v1/webhooks</c> (API.md, "Webhooks"), permission resource <c>webhooks</c>. The endpoint grain answers nothing
/// for an endpoint the caller does not own, so another user's endpoint is a 404 everywhere.
/// </summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create).Validate<CreateWebhookRequest>().WithIdempotencyKey()
            .RequirePermission(Permissions.Webhooks, Permissions.Create).WithName("CreateWebhook");
        group.MapGet("/", List).RequirePermission(Permissions.Webhooks, Permissions.Read).WithName("ListWebhooks").WithIncrementalSync(SyncResource.Webhooks);
        group.MapGet("/{id:guid}", Get).RequirePermission(Permissions.Webhooks, Permissions.Read).WithName("GetWebhook");
        group.MapPatch("/{id:guid}", Update).Validate<UpdateWebhookRequest>()
            .RequirePermission(Permissions.Webhooks, Permissions.Update).WithName("UpdateWebhook");
        group.MapDelete("/{id:guid}", Delete).RequirePermission(Permissions.Webhooks, Permissions.Delete).WithName("DeleteWebhook");
        group.MapGet("/{id:guid}/deliveries", Deliveries).RequirePermission(Permissions.Webhooks, Permissions.Read).WithName("ListWebhookDeliveries")
            .WithIncrementalSync(SyncResource.WebhookDeliveries);
        group.MapPost("/{id:guid}/test", SendTest).RequirePermission(Permissions.Webhooks, Permissions.Update).WithName("TestWebhook");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", Retry)
            .RequirePermission(Permissions.Webhooks, Permissions.Update).WithName("RetryWebhookDelivery");
        group.MapPost("/{id:guid}/recover", Recover).Validate<RecoverWebhookRequest>()
            .RequirePermission(Permissions.Webhooks, Permissions.Update).WithName("RecoverWebhook");
        return group;
    }

    internal static async Task<Results<Created<ApiEnvelope<WebhookResponse>>, ValidationProblem>> Create(
        CreateWebhookRequest request, HttpContext context, IGrainFactory grains)
    {
        var user = context.User;
        var created = await grains.GetGrain<IUserWebhooksGrain>(user.GetUserId()).Create(request.ToGrainRequest());
        if (created.Endpoint is not { } endpoint)
        {
            return Refused(created);
        }

        await AuditAsync(context, grains, AuditActions.WebhookCreated, endpoint);
        return ApiResults.Created(
            context, $"/v1/webhooks/{endpoint.Id}", WebhookResponse.From(endpoint, created.Secret), "Webhook endpoint created. Store the secret now: it is not shown again.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<WebhookResponse>>>, ValidationProblem>> List(
        HttpContext context, IGrainFactory grains, [FromQuery] string? limit, [FromQuery(Name = "starting_after")] string? startingAfter)
    {
        var errors = ListQuery.TryRead(limit, startingAfter, out var pageSize, out var cursor);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var page = await grains.GetGrain<IUserWebhooksGrain>(context.User.GetUserId()).List(pageSize, cursor);
        var items = page.Items.Select(e => WebhookResponse.From(e)).ToList();
        return ApiResults.Ok(context, new ListResponse<WebhookResponse>(items, page.HasMore, page.HasMore ? items[^1].Id.ToString() : null), "Webhook endpoints.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<WebhookResponse>>, ProblemHttpResult>> Get(Guid id, HttpContext context, IGrainFactory grains) =>
        await Endpoint(grains, id).Get(context.User.GetUserId()) is { } endpoint
            ? ApiResults.Ok(context, WebhookResponse.From(endpoint), "Webhook endpoint.")
            : NotFound();

    internal static async Task<Results<Ok<ApiEnvelope<WebhookResponse>>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateWebhookRequest request, HttpContext context, IGrainFactory grains)
    {
        if (await Endpoint(grains, id).Update(context.User.GetUserId(), request.ToChanges()) is not { } updated)
        {
            return NotFound();
        }

        if (updated.Endpoint is not { } endpoint)
        {
            return Refused(updated);
        }

        await AuditAsync(context, grains, AuditActions.WebhookUpdated, endpoint);
        return ApiResults.Ok(context, WebhookResponse.From(endpoint), "Webhook endpoint updated.");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext context, IGrainFactory grains)
    {
        var user = context.User;
        if (!await Endpoint(grains, id).Delete(user.GetUserId()))
        {
            return NotFound();
        }

        await grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.WebhookDeleted, user.GetUserId(), user.GetApiKeyId(), "webhook", id.ToString(), ClientAddress.Of(context)?.ToString()));
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<WebhookDeliveryResponse>>>, ValidationProblem, ProblemHttpResult>> Deliveries(
        Guid id,
        HttpContext context,
        IGrainFactory grains,
        [FromQuery] string? limit,
        [FromQuery(Name = "starting_after")] string? startingAfter,
        [FromQuery] string? status)
    {
        var errors = ListQuery.TryRead(limit, startingAfter, out var pageSize, out var cursor);
        if (status is not null && !WebhookDeliveryStatus.All.Contains(status, StringComparer.Ordinal))
        {
            errors.AddError("status", $"One of {string.Join(", ", WebhookDeliveryStatus.All)}.");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        if (await Endpoint(grains, id).ListDeliveries(context.User.GetUserId(), pageSize, cursor, status) is not { } page)
        {
            return NotFound();
        }

        var items = page.Items.Select(WebhookDeliveryResponse.From).ToList();
        return ApiResults.Ok(
            context, new ListResponse<WebhookDeliveryResponse>(items, page.HasMore, page.HasMore ? items[^1].Id.ToString() : null), "Webhook deliveries.");
    }

    internal static async Task<Results<Accepted<ApiEnvelope<WebhookAcceptedResponse>>, ProblemHttpResult>> SendTest(
        Guid id, HttpContext context, IGrainFactory grains) =>
        await Endpoint(grains, id).SendTest(context.User.GetUserId()) is { } published
            ? Accepted(context, new WebhookAcceptedResponse(EventId: published.EventId), "Test event queued.")
            : NotFound();

    internal static async Task<Results<Accepted<ApiEnvelope<WebhookAcceptedResponse>>, ProblemHttpResult>> Retry(
        Guid id, Guid deliveryId, HttpContext context, IGrainFactory grains) =>
        await Endpoint(grains, id).Retry(context.User.GetUserId(), deliveryId)
            ? Accepted(context, new WebhookAcceptedResponse(DeliveryId: deliveryId), "Delivery queued again.")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such webhook endpoint or delivery.");

    internal static async Task<Results<Accepted<ApiEnvelope<WebhookAcceptedResponse>>, ProblemHttpResult>> Recover(
        Guid id, RecoverWebhookRequest request, HttpContext context, IGrainFactory grains) =>
        await Endpoint(grains, id).Recover(context.User.GetUserId(), request.Since!.Value) is { } count
            ? Accepted(context, new WebhookAcceptedResponse(Recovered: count), $"{count} failed or dead deliveries queued again.")
            : NotFound();

    private static IWebhookEndpointGrain Endpoint(IGrainFactory grains, Guid id) => grains.GetGrain<IWebhookEndpointGrain>(id);

    private static Accepted<ApiEnvelope<WebhookAcceptedResponse>> Accepted(HttpContext context, WebhookAcceptedResponse data, string message) =>
        TypedResults.Accepted((string?)null, ApiResults.Envelope(context, data, message));

    private static ValidationProblem Refused(WebhookEndpointResult result) =>
        TypedResults.ValidationProblem(
            result.Errors?.ToDictionary() ?? [],
            detail: string.Join(" ", result.Errors?.SelectMany(e => e.Value) ?? []),
            title: "The webhook endpoint was refused");

    private static Task AuditAsync(HttpContext context, IGrainFactory grains, string action, WebhookEndpointView endpoint)
    {
        var user = context.User;
        return grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            action, user.GetUserId(), user.GetApiKeyId(), "webhook", endpoint.Id.ToString(), ClientAddress.Of(context)?.ToString(),
            // Only the URL's origin: the path or query of some receivers' URLs (Slack, n8n) is itself a credential.
            new Dictionary<string, string> { ["url"] = new Uri(endpoint.Url).GetLeftPart(UriPartial.Authority), ["status"] = endpoint.Status }));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such webhook endpoint.");
}
