namespace MindPeeker.ApiFrontend.Dashboard.Web;

/// <summary>One file of the admin dashboard: its bytes, media type and strong ETag (a hash of the bytes).</summary>
internal sealed record DashboardAsset(string Path, byte[] Content, string ContentType, string ETag);
