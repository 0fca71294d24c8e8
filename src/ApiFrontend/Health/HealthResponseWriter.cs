using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MindPeeker.ApiFrontend.Health;

/// <summary>Writes a health report as JSON: overall status and each check's status and description.</summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            Status = report.Status.ToString().ToLowerInvariant(),
            Checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { Status = entry.Value.Status.ToString().ToLowerInvariant(), entry.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
