using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MindPeeker.ApiFrontend.Dashboard.Web;

/// <summary>
/// <c>GET /admin</c> and <c>/admin/{path}</c>: the admin dashboard's page and its scripts and styles. Public, as the
/// login form is part of the page; every number on it comes from the admin-only <c>/v1/admin/...</c> APIs and the
/// admin hub. Answers carry <see cref="DashboardSecurityHeaders"/> and a strong ETag (304 on a match); an unknown
/// file is a problem+json 404.
/// </summary>
public static class DashboardWebEndpoints
{
    public static IEndpointRouteBuilder MapDashboardWeb(this IEndpointRouteBuilder endpoints)
    {
        var assets = DashboardAssets.Load(typeof(DashboardWebEndpoints).Assembly);
        endpoints.MapGet("/admin", (HttpContext context) => Serve(assets, null, context)).ExcludeFromDescription();
        endpoints.MapGet("/admin/{**path}", (string? path, HttpContext context) => Serve(assets, path, context)).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(DashboardAssets assets, string? path, HttpContext context)
    {
        DashboardSecurityHeaders.ApplyTo(context.Response.Headers);
        if (assets.Find(path) is not { } asset)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "The dashboard has no such file.");
        }

        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }
}
