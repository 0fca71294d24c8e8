using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Http;

/// <summary>Makes every problem body match API.md: <c>success: false</c>, <c>requestId</c>, <c>instance</c>.</summary>
internal static class ProblemDetailsSetup
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Type ??= $"https://httpstatuses.io/{problem.Status}";
        problem.Extensions["success"] = false;
        problem.Extensions["requestId"] = RequestIds.Of(context.HttpContext);
        problem.Extensions.Remove("traceId");
        problem.Extensions.Remove("trace_id");
    }
}
