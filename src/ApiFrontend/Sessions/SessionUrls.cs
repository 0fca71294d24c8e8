namespace MindPeeker.ApiFrontend.Sessions;

/// <summary>Where a session's own resources are: <c>self</c>, <c>results</c> and <c>cancel</c> (relative to the API's base URL).</summary>
internal sealed record SessionUrls(string Self, string Results, string Cancel)
{
    public static SessionUrls Of(Guid id)
    {
        var self = $"/v1/sessions/{id}";
        return new SessionUrls(self, self + "/results", self + "/cancel");
    }
}
