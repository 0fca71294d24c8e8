using System.Net;
using System.Text;
using MindPeeker.Grains.Webhooks.Signing;

namespace MindPeeker.Grains.Tests.Webhooks.Signing;

/// <summary>Real HTTP POSTs signed here and verified by the npm <c>standardwebhooks</c> package in node.</summary>
public sealed class IndependentVerifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly WebhookSecret _secret = WebhookSecret.Generate();
    private readonly StandardWebhookSigner _signer = new(TimeProvider.System);
    private readonly HttpClient _client = new();
    private StandardWebhooksReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await StandardWebhooksReceiver.StartAsync(_secret.Export());

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task SignedPost_IsAcceptedByTheReferenceLibrary()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"session.completed\",\"data\":{\"name\":\"Zoë ✓\"}}");

        using var response = await PostAsync("msg_accepted", body, tamper: false);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        var received = (await _receiver.WaitForAsync(r => r.Count >= 1, Generous)).Should().ContainSingle().Subject;
        received.Should().BeEquivalentTo(new { Id = "msg_accepted", Type = "session.completed", ValidStandard = true, ValidLegacy = true });
    }

    [Fact]
    public async Task TamperedPost_IsRejectedByTheReferenceLibrary()
    {
        var body = Encoding.UTF8.GetBytes("{\"type\":\"session.completed\",\"amount\":10}");

        using var response = await PostAsync("msg_tampered", body, tamper: true);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var received = (await _receiver.WaitForAsync(r => r.Count >= 1, Generous)).Should().ContainSingle().Subject;
        received.Should().BeEquivalentTo(new { Id = "msg_tampered", ValidStandard = false, ValidLegacy = false });
    }

    [Fact]
    public async Task PostSignedWithAnotherSecret_IsRejected()
    {
        var body = "{\"type\":\"x\"}"u8.ToArray();
        var other = StandardWebhookSigner.CreateHeaders(WebhookSecret.Generate(), "msg_other", TimeProvider.System.GetUtcNow(), body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _receiver.Url) { Content = new ByteArrayContent(body) };
        other.ApplyTo(request.Headers);

        using var response = await _client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _receiver.WaitForAsync(r => r.Count >= 1, Generous)).Single().ValidStandard.Should().BeFalse();
    }

    private async Task<HttpResponseMessage> PostAsync(string id, byte[] body, bool tamper)
    {
        var headers = _signer.CreateHeaders(_secret, id, body);
        var sent = tamper ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("10", "11", StringComparison.Ordinal)) : body;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_receiver.Url, "hooks/mindpeeker")) { Content = new ByteArrayContent(sent) };
        request.Content.Headers.ContentType = new("application/json");
        headers.ApplyTo(request.Headers);
        return await _client.SendAsync(request);
    }
}
