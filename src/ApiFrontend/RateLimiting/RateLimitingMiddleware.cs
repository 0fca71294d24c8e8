using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.RateLimiting;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// Charges each request under <c>/v1</c> to its rate-limit buckets (one in-process grain call each, no storage I/O),
/// answers 429 when one refuses, and otherwise adds the rate-limit headers to whatever the endpoint answers.
/// Runs after authentication, so it knows the API key or user; unmatched routes are charged too, so probing
/// for endpoints is not free.
/// </summary>
internal sealed class RateLimitingMiddleware(
    RequestDelegate next,
    RateLimitPolicies policies,
    IGrainFactory grains,
    TimeProvider time,
    IProblemDetailsService problems,
    ILogger<RateLimitingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!policies.Applies(context.Request))
        {
            await next(context);
            return;
        }

        var checks = policies.ChecksFor(context);
        var decisions = new RateLimitDecision?[checks.Length];
        var refusedBy = -1;

        // Tightest first (the endpoint class comes last): a request its class refuses is not charged to the default policy.
        for (var i = checks.Length - 1; i >= 0 && refusedBy < 0; i--)
        {
            try
            {
                decisions[i] = await grains.GetGrain<IRateLimitBucketGrain>(checks[i].Key).Acquire(checks[i].Rule);
            }
            catch (Exception exception) when (exception is SiloUnavailableException or TimeoutException)
            {
                // The silo is stopping or overloaded; refusing every request would turn that into a full outage.
                RateLimitingLog.BucketUnavailable(logger, exception, checks[i].Key, context.Request.Method, context.Request.Path);
                await next(context);
                return;
            }

            refusedBy = decisions[i]!.Admitted ? -1 : i;
        }

        var headers = RateLimitHeaders.From(checks, decisions, time.GetUtcNow());
        context.Response.OnStarting(() =>
        {
            headers.ApplyTo(context.Response.Headers);
            return Task.CompletedTask;
        });

        if (refusedBy >= 0)
        {
            var refusal = decisions[refusedBy]!;
            RateLimitingLog.Refused(logger, checks[refusedBy].Policy, context.Request.Method, context.Request.Path, checks[refusedBy].Key, RateLimitHeaders.Seconds(refusal.RetryAfter));
            await RateLimitRejection.WriteAsync(context, problems, checks[refusedBy].Policy, refusal);
            return;
        }

        await next(context);
    }
}
