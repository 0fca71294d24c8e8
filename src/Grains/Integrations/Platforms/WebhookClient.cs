using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MindPeeker.Grains.Abstractions.Integrations;

namespace MindPeeker.Grains.Integrations.Platforms;

/// <summary>
/// A webhook destination (n8n, Zapier, Make...): test and sync each <c>POST {url}</c> a small JSON body
/// <c>{type: "integration.test"|"integration.sync", integration_id, timestamp}</c>; any 2xx is success. With a
/// <c>secret</c> credential the body is signed (<c>X-MindPeeker-Signature</c>: hex HMAC-SHA256 of the raw body), with a
/// <c>token</c> it carries <c>Authorization: Bearer</c>.
/// </summary>
internal sealed class WebhookClient(HttpClient http, TimeProvider time) : IntegrationPlatformClient(http, time)
{
    public const string SignatureHeader = "X-MindPeeker-Signature";

    public override string Platform => IntegrationPlatforms.Webhook;

    public override Task<ConnectionTestResult> TestAsync(IntegrationTarget target, CancellationToken cancellationToken) =>
        PingAsync(target, "integration.test", cancellationToken);

    public override Task<ConnectionTestResult> SyncAsync(IntegrationTarget target, CancellationToken cancellationToken) =>
        PingAsync(target, "integration.sync", cancellationToken);

    private async Task<ConnectionTestResult> PingAsync(IntegrationTarget target, string type, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["type"] = type,
            ["integration_id"] = target.Id.ToString(),
            ["timestamp"] = Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, IntegrationRules.Text(target.Configuration, "url"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (target.Credentials.TryGetValue("secret", out var secret))
        {
            var key = Encoding.UTF8.GetBytes(secret);
            request.Headers.Add(SignatureHeader, Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
            CryptographicOperations.ZeroMemory(key);
        }

        if (target.Credentials.TryGetValue("token", out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await SendAsync(request, judge: null, cancellationToken);
    }
}
