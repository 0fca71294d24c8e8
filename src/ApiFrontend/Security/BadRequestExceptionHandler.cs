using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Http;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Turns <see cref="BadHttpRequestException"/> (unreadable JSON, a body of the wrong shape, a body over
/// the size limit) into its own 4xx problem+json. Without it, development hosts (which throw on bad
/// requests) would answer 500.
/// </summary>
internal sealed class BadRequestExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        var (title, detail) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Payload too large", "The request body is over the size limit."),
            _ => ("Bad request", "The request could not be read: check that the body is well-formed JSON of the expected shape."),
        };
        // The exception handler middleware cleared the response, X-Request-Id included.
        httpContext.Response.Headers[RequestIds.HeaderName] = RequestIds.Of(httpContext);
        await SecurityProblems.WriteAsync(httpContext, bad.StatusCode, title, detail);
        return true;
    }
}
