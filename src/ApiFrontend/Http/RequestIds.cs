using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Http;

/// <summary>
/// Gives every request an id of the form <c>req_{24 hex}</c>, answered in <c>X-Request-Id</c> and
/// used as the request's trace identifier, so logs, problem bodies and envelopes agree.
/// </summary>
internal static class RequestIds
{
    public const string HeaderName = "X-Request-Id";

    public static string Of(HttpContext context) => context.TraceIdentifier;

    public static Task AssignAsync(HttpContext context, RequestDelegate next)
    {
        var id = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        context.TraceIdentifier = id;
        context.Response.Headers[HeaderName] = id;
        return next(context);
    }
}
