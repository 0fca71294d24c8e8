using System.Net;
using MindPeeker.Sdk.Sessions;

namespace MindPeeker.Sdk.Tests.Sessions;

/// <summary>Retries against the real rate limiter: a key allowed 60 requests a minute (one token a second).</summary>
[Collection(LiveServerCollection.Name)]
public sealed class RetryTests(LiveServer server)
{
    [Fact]
    public async Task A_rate_limited_call_waits_the_Retry_After_and_then_succeeds()
    {
        var key = await server.CreateApiKeyAsync(rateLimitPerMinute: 60);
        var statuses = new StatusRecorder();
        using var http = new HttpClient(statuses);
        using var client = new MindPeekerClient(new MindPeekerClientOptions { BaseAddress = server.BaseAddress, ApiKey = key }, http);
        var session = await client.Sessions.CreateAsync(new CreateSessionRequest("Rate limited", "dowsing"));

        // Spend the bucket with plain requests (no retries), until the server refuses.
        using var noRetry = new MindPeekerClient(new MindPeekerClientOptions { BaseAddress = server.BaseAddress, ApiKey = key, Retry = RetryPolicy.None });
        MindPeekerApiException? refused = null;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            try
            {
                await noRetry.Sessions.GetAsync(session.Id);
            }
            catch (MindPeekerApiException exception) when (exception.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = exception;
            }
        }

        refused.Should().NotBeNull("a key limited to 60 a minute runs out");
        refused!.RetryAfter.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(60));
        refused.Problem!.Detail.Should().Contain("Rate limit exceeded");

        var fetched = await client.Sessions.GetAsync(session.Id);

        fetched.Id.Should().Be(session.Id);
        statuses.Seen.Should().Contain(HttpStatusCode.TooManyRequests, "the first attempt was refused");
        statuses.Seen.Last().Should().Be(HttpStatusCode.OK, "the retry after Retry-After succeeded");
    }

    /// <summary>Observes the status codes of real HTTP answers on their way to the SDK.</summary>
    private sealed class StatusRecorder() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly List<HttpStatusCode> _seen = [];

        public IReadOnlyList<HttpStatusCode> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (_seen)
            {
                _seen.Add(response.StatusCode);
            }

            return response;
        }
    }
}
