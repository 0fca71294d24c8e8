using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MindPeeker.ApiFrontend.Http;
using MindPeeker.ApiFrontend.Http.Lists;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Grains.Abstractions.Resilience;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Resilience;

/// <summary>
/// <c>/v1/admin/circuit-breakers</c>: list, get, reset, isolate. Admins only (<c>admin:read</c> to look,
/// <c>admin:update</c> to act). Dependency names contain ':' and may contain '/': send the name as one
/// URL-encoded path segment (<c>ai%3Anim%3Aqwen%2Fqwen3.5-397b-a17b</c>); ':' may also be sent as is.
/// </summary>
internal static class CircuitBreakersApi
{
    public static RouteGroupBuilder MapCircuitBreakersApi(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/circuit-breakers");
        group.MapGet("/", List).RequirePermission(Permissions.Admin, Permissions.Read).WithName("ListCircuitBreakers");
        group.MapGet("/{dependency}", Get).RequirePermission(Permissions.Admin, Permissions.Read).WithName("GetCircuitBreaker");
        group.MapPost("/{dependency}/reset", Reset).RequirePermission(Permissions.Admin, Permissions.Update).WithName("ResetCircuitBreaker");
        group.MapPost("/{dependency}/isolate", Isolate).RequirePermission(Permissions.Admin, Permissions.Update).WithName("IsolateCircuitBreaker");
        return admin;
    }

    internal static async Task<Results<Ok<ApiEnvelope<ListResponse<CircuitBreakerResponse>>>, ValidationProblem>> List(
        HttpContext context, IGrainFactory grains, TimeProvider time, [FromQuery] string? limit, [FromQuery(Name = "starting_after")] string? startingAfter)
    {
        var errors = ListQuery.TryRead(limit, null, out var pageSize, out _);
        if (startingAfter is { Length: 0 or > 200 })
        {
            errors["starting_after"] = ["Must be a dependency name from a previous page."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The query is invalid; see errors.");
        }

        var page = await grains.GetGrain<ICircuitBreakerRegistryGrain>(0).List(pageSize, startingAfter);
        var now = time.GetUtcNow();
        var items = page.Items.Select(s => CircuitBreakerResponse.From(s, now)).ToList();
        var next = page.HasMore ? items[^1].Dependency : null;
        return ApiResults.Ok(context, new ListResponse<CircuitBreakerResponse>(items, page.HasMore, next), "Circuit breakers.");
    }

    internal static async Task<Results<Ok<ApiEnvelope<CircuitBreakerResponse>>, ProblemHttpResult>> Get(
        string dependency, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var name = Decode(dependency);
        var status = await grains.GetGrain<ICircuitBreakerRegistryGrain>(0).Find(name);
        return status is null
            ? NotFound(name)
            : ApiResults.Ok(context, CircuitBreakerResponse.From(status, time.GetUtcNow()), "Circuit breaker.");
    }

    internal static Task<Results<Ok<ApiEnvelope<CircuitBreakerResponse>>, ProblemHttpResult>> Reset(
        string dependency, HttpContext context, IGrainFactory grains, TimeProvider time) =>
        ActAsync(dependency, context, grains, time, (breaker, actor) => breaker.Reset(actor), "Circuit breaker reset: calls flow again.");

    internal static Task<Results<Ok<ApiEnvelope<CircuitBreakerResponse>>, ProblemHttpResult>> Isolate(
        string dependency, HttpContext context, IGrainFactory grains, TimeProvider time) =>
        ActAsync(dependency, context, grains, time, (breaker, actor) => breaker.Isolate(actor), "Circuit breaker isolated: calls are refused until it is reset.");

    private static async Task<Results<Ok<ApiEnvelope<CircuitBreakerResponse>>, ProblemHttpResult>> ActAsync(
        string dependency,
        HttpContext context,
        IGrainFactory grains,
        TimeProvider time,
        Func<ICircuitBreakerGrain, CircuitBreakerActor, Task<CircuitBreakerStatus>> action,
        string message)
    {
        var name = Decode(dependency);
        if (!await grains.GetGrain<ICircuitBreakerRegistryGrain>(0).Contains(name))
        {
            return NotFound(name);
        }

        var actor = new CircuitBreakerActor(context.User.GetUserId(), context.User.GetApiKeyId(), ClientAddress.Of(context)?.ToString());
        var status = await action(grains.GetGrain<ICircuitBreakerGrain>(name), actor);
        return ApiResults.Ok(context, CircuitBreakerResponse.From(status, time.GetUtcNow()), message);
    }

    /// <summary>Routing leaves an encoded '/' (<c>%2F</c>) in the value; names never contain '%', so decoding is safe.</summary>
    private static string Decode(string dependency) => Uri.UnescapeDataString(dependency);

    private static ProblemHttpResult NotFound(string dependency) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not Found",
        detail: string.Create(CultureInfo.InvariantCulture, $"No circuit breaker is known for '{dependency}'."));
}
