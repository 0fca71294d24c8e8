using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.Runtime;

namespace MindPeeker.ApiFrontend.Tests.Realtime;

/// <summary>Sessions for the hub tests, created and changed through the REST API as their owner.</summary>
internal static class RealtimeTestSessions
{
    public static async Task<Guid> CreateAsync(HttpClient client, TestAccount owner)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions")
        {
            Content = JsonContent.Create(new { cue = "A red barn beside a frozen lake", session_type = "remote_viewing" }),
        }.AuthorizeAs(owner);
        using var response = await client.SendAsync(request);
        return (await TestAccounts.ReadDataAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A metadata change: one more update of the session, whatever state it is in.</summary>
    public static async Task ChangeMetadataAsync(HttpClient client, TestAccount owner, Guid sessionId, int revision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/v1/sessions/{sessionId}")
        {
            Content = JsonContent.Create(new { metadata = new { revision } }),
        }.AuthorizeAs(owner);
        using var response = await client.SendAsync(request);
        await TestAccounts.ReadDataAsync(response, HttpStatusCode.OK);
    }

    public static IGrainFactory Grains(ApiFactory factory) => factory.Services.GetRequiredService<IGrainFactory>();
}
