using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Dashboard.Web;

/// <summary>
/// The headers every dashboard response carries. The Content-Security-Policy allows scripts, styles, images and
/// connections (fetch, the admin hub's WebSocket) from the page's own origin only: no inline script, no eval, no
/// third-party host, no framing.
/// </summary>
internal static class DashboardSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void ApplyTo(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
    }
}
