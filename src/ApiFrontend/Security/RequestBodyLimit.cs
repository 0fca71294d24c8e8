using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// Bodies over the limit (1 MiB, API.md "Sizes") answer 413 problem+json: at once when
/// <c>Content-Length</c> says so, else when reading passes the limit (the server's
/// <see cref="IHttpMaxRequestBodySizeFeature"/>, set here per request).
/// </summary>
internal static class RequestBodyLimit
{
    public static Func<HttpContext, RequestDelegate, Task> Middleware(long maxBytes) => (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            return SecurityProblems.WriteAsync(
                context, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"Request bodies are limited to {maxBytes} bytes.").AsTask();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        return next(context);
    };
}
