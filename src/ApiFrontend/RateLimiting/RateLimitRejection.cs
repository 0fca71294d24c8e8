using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// The 429 answer (API.md, "Rate limits"): problem+json with <c>Retry-After</c> in whole seconds and the detail
/// "Rate limit exceeded. Try again in N seconds.", plus SPEC's <c>error</c> and <c>message</c> members, the refusing
/// <c>policy</c> and <c>retry_after</c> (seconds) as extensions.
/// </summary>
internal static class RateLimitRejection
{
    public const string Title = "Too Many Requests";

    public const string Error = "Too many requests";

    public static async Task WriteAsync(HttpContext context, IProblemDetailsService problems, string policy, RateLimitDecision decision)
    {
        var seconds = Math.Max(1, RateLimitHeaders.Seconds(decision.RetryAfter));
        var message = string.Create(CultureInfo.InvariantCulture, $"Rate limit exceeded. Try again in {seconds} seconds.");
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = Title,
            Detail = message,
            Extensions =
            {
                ["error"] = Error,
                ["message"] = message,
                ["policy"] = policy,
                ["retry_after"] = seconds,
            },
        };

        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            // The client's Accept header refuses JSON; it still gets the status, Retry-After and the message.
            await context.Response.WriteAsync(message, context.RequestAborted);
        }
    }
}
