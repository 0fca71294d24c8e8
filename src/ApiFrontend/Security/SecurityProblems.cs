using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>Writes 401/403/413 answers as problem+json, shaped like every other error (API.md).</summary>
internal static class SecurityProblems
{
    public const string InsufficientPermissions = "Insufficient permissions";

    public static ValueTask WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
