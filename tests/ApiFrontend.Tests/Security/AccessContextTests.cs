using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Tests.Security;

public sealed class AccessContextTests
{
    [Fact]
    public void The_route_id_is_also_named_after_its_collection_and_the_request_is_reachable_by_dotted_paths()
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "GET";
        http.Request.Path = "/v1/sessions/abc/results";
        http.Request.RouteValues["id"] = "abc";
        http.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:203.0.113.5");
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(MindPeekerClaims.Subject, "u-1"), new Claim("organization", "acme")], "test"));

        var context = AccessContext.From(http, user);

        context["sessionId"].Should().Be("abc");
        context["id"].Should().Be("abc");
        context["userId"].Should().Be("u-1");
        context["organization"].Should().Be("acme");
        var request = (IReadOnlyDictionary<string, object?>)context["request"]!;
        request["method"].Should().Be("GET");
        request["ip"].Should().Be("203.0.113.5");
    }

    [Theory]
    [InlineData("/v1/api-keys/k1", "apiKeyId")]
    [InlineData("/v1/webhooks/k1/deliveries", "webhookId")]
    [InlineData("/v1/integrations/k1", "integrationId")]
    public void Each_collection_names_its_id(string path, string name)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Request.RouteValues["id"] = "k1";

        AccessContext.From(http, new ClaimsPrincipal())[name].Should().Be("k1");
    }

    [Fact]
    public void Without_a_request_only_the_principal_is_in_the_context() =>
        AccessContext.From(null, new ClaimsPrincipal(new ClaimsIdentity([new Claim(MindPeekerClaims.Subject, "u-9")], "test")))
            .Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, object?>("userId", "u-9"));
}
