using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using MindPeeker.ApiFrontend.Security;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Http;

/// <summary>
/// A grain call that could not reach a silo (none up, the silo hosting the grain just died, a pinned role has no
/// silo) or got no answer in time is the cluster being unavailable, not a bug: 503 with <c>Retry-After</c>
/// and problem+json, never a 500. Nothing was accepted, so a retry is safe (with an Idempotency-Key for creates).
/// </summary>
internal sealed partial class ClusterUnavailableExceptionHandler(ILogger<ClusterUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or TimeoutException) || httpContext.Response.HasStarted)
        {
            return false;
        }

        ClusterUnavailable(logger, exception, httpContext.Request.Path);
        httpContext.Response.Headers[RequestIds.HeaderName] = RequestIds.Of(httpContext);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SecurityProblems.WriteAsync(
            httpContext,
            StatusCodes.Status503ServiceUnavailable,
            "Service unavailable",
            $"The request could not be completed because part of the cluster is unavailable or did not answer in time. Retry in {RetryAfterSeconds} seconds.");
        return true;
    }

    [LoggerMessage(EventId = 7200, Level = LogLevel.Warning, Message = "Request {Path} answered 503: the cluster could not serve it.")]
    private static partial void ClusterUnavailable(ILogger logger, Exception exception, string path);
}
