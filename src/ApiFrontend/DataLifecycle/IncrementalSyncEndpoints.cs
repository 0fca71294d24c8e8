using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.ApiKeys;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.ApiFrontend.Sessions;
using MindPeeker.ApiFrontend.Webhooks;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.DataLifecycle;

/// <summary>
/// Incremental sync on an existing list endpoint: a request with <c>updated_since</c> is answered here (after the
/// endpoint's authorization) with a <see cref="SyncListResponse{T}"/> ordered by <c>(updated_at, id)</c> ascending;
/// without it the endpoint answers as before (newest first). See docs/data-lifecycle.md.
/// </summary>
internal static class IncrementalSyncEndpoints
{
    public static RouteHandlerBuilder WithIncrementalSync(this RouteHandlerBuilder builder, SyncResource resource) =>
        builder.AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.Request.Query.ContainsKey("updated_since")
                ? await HandleAsync(invocation.HttpContext, resource)
                : await next(invocation));

    private static async Task<IResult> HandleAsync(HttpContext context, SyncResource resource)
    {
        var errors = SyncQueryReader.TryRead(context.Request.Query, out var query);
        var status = SyncQueryReader.Single(context.Request.Query, "status");
        var statuses = resource switch
        {
            SyncResource.Sessions => SessionStatus.All,
            SyncResource.WebhookDeliveries => WebhookDeliveryStatus.All,
            _ => null,
        };
        if (status is not null && (statuses is null || !statuses.Contains(status, StringComparer.Ordinal)))
        {
            errors["status"] = statuses is null ? ["This list has no status filter."] : [$"Must be one of {string.Join(", ", statuses)}."];
        }

        if (errors.Count > 0 || query is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var sync = context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IIncrementalSyncGrain>(0);
        var owner = context.User.GetUserId();
        return resource switch
        {
            SyncResource.Sessions => Ok(context, await sync.Sessions(owner, query, status), SessionResponse.From, "Sessions changed since updated_since."),
            SyncResource.ApiKeys => Ok(context, await sync.ApiKeys(owner, query), k => ApiKeyResponse.From(k), "API keys changed since updated_since."),
            SyncResource.Webhooks => Ok(context, await sync.Webhooks(owner, query), w => WebhookResponse.From(w), "Webhooks changed since updated_since."),
            SyncResource.Integrations => Ok(context, await sync.Integrations(owner, query), i => i, "Integrations changed since updated_since."),
            _ => context.Request.RouteValues["id"] is string id && Guid.TryParse(id, out var endpointId)
                    && await sync.Deliveries(owner, endpointId, query, status) is { } deliveries
                ? Ok(context, deliveries, WebhookDeliveryResponse.From, "Webhook deliveries changed since updated_since.")
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such webhook."),
        };
    }

    private static IResult Ok<TView, TResponse>(HttpContext context, SyncPage<TView> page, Func<TView, TResponse> map, string message) =>
        ApiResults.Ok(
            context,
            new SyncListResponse<TResponse>(
                page.Items.Select(map).ToList(),
                page.Deleted.Select(d => new DeletedItemResponse(d.Id, d.DeletedAt)).ToList(),
                page.HasMore,
                page.Next?.Encode()),
            message);
}
