using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MindPeeker.ApiFrontend.Integrations;

/// <summary>The problem answers of <c>/v1/integrations</c>.</summary>
internal static class IntegrationProblems
{
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such integration.");

    /// <summary>429 with <c>Retry-After</c>: the integration's own rate limit refused the outbound call; nothing was sent.</summary>
    public static ProblemHttpResult RateLimited(HttpContext context, int retryAfterSeconds)
    {
        var seconds = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds;
        var message = $"Rate limit exceeded. Try again in {seconds} seconds.";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too Many Requests",
            detail: $"The integration's rate limit refused the call; nothing was sent. {message}",
            extensions: new Dictionary<string, object?> { ["error"] = "Too many requests", ["message"] = message, ["policy"] = "integration", ["retry_after"] = retryAfterSeconds });
    }

    /// <summary>422 with <c>errors</c>: a valid request the integration cannot apply (e.g. a URL resolving to a forbidden address).</summary>
    public static ProblemHttpResult Unprocessable(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Unprocessable integration",
            Detail = "The integration cannot be saved as requested; see errors.",
        });
}
