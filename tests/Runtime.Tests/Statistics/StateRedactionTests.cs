using System.Text.Json.Nodes;
using MindPeeker.Runtime.Management;

namespace MindPeeker.Runtime.Tests.Statistics;

/// <summary>The grain inspector never shows a secret: redaction by property name, at any depth.</summary>
public sealed class StateRedactionTests
{
    [Fact]
    public void Secret_properties_are_redacted_at_any_depth_and_the_rest_is_kept()
    {
        var state = JsonNode.Parse("""
            {
              "name": "acme",
              "keyboard": "us",
              "password": "hunter2",
              "webhook": { "url": "https://example.com", "signingSecret": "whsec_1", "headers": [ { "api_key": "k1", "accept": "json" } ] },
              "refresh_token": { "value": "t", "expires": 3 },
              "PasswordHash": "$2a$...",
              "key_material": "AAAA",
              "ApiKey": null,
              "credentials": ["a", "b"]
            }
            """);

        var redacted = StateRedaction.Redact(state)!.ToJsonString();

        var expected = JsonNode.Parse("""
            {
              "name": "acme",
              "keyboard": "us",
              "password": "[redacted]",
              "webhook": { "url": "https://example.com", "signingSecret": "[redacted]", "headers": [ { "api_key": "[redacted]", "accept": "json" } ] },
              "refresh_token": "[redacted]",
              "PasswordHash": "[redacted]",
              "key_material": "[redacted]",
              "ApiKey": "[redacted]",
              "credentials": "[redacted]"
            }
            """)!.ToJsonString();
        redacted.Should().Be(expected);
        redacted.Should().NotContain("hunter2").And.NotContain("whsec_1").And.NotContain("AAAA");
    }
}
