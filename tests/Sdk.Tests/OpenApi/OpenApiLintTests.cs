using System.Net;
using System.Text.Json;

namespace MindPeeker.Sdk.Tests.OpenApi;

/// <summary>
/// The live <c>GET /openapi/v1.json</c>: anonymous, complete enough for SDK generators, and clean under
/// Spectral's OpenAPI rules plus the OWASP API Security ruleset (<c>src/ApiFrontend/OpenApi/spectral.yaml</c>).
/// </summary>
[Collection(LiveServerCollection.Name)]
public sealed class OpenApiLintTests(LiveServer server)
{
    [Fact]
    public async Task The_document_lints_without_errors_under_spectral_oas_and_the_OWASP_ruleset()
    {
        var directory = Directory.CreateTempSubdirectory("mindpeeker-openapi-");
        try
        {
            var file = Path.Combine(directory.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, await DocumentTextAsync());
            var spectral = Path.Combine(BuildPaths.RepoRoot, "node_modules", "@stoplight", "spectral-cli", "dist", "index.js");
            File.Exists(spectral).Should().BeTrue("`npm ci` installs @stoplight/spectral-cli from the root package.json");
            var outcome = await NodeProcess.RunAsync(
                "node",
                BuildPaths.RepoRoot,
                [spectral, "lint", file, "--ruleset", Path.Combine(BuildPaths.RepoRoot, "src", "ApiFrontend", "OpenApi", "spectral.yaml"), "--format", "json", "--quiet", "--fail-severity", "error"],
                null,
                TimeSpan.FromMinutes(3));

            var jsonStart = outcome.StandardOutput.IndexOf('[', StringComparison.Ordinal);
            jsonStart.Should().BeGreaterThanOrEqualTo(0, $"spectral prints its findings as JSON; stdout: {outcome.StandardOutput} stderr: {outcome.StandardError}");
            var findings = JsonDocument.Parse(outcome.StandardOutput[jsonStart..]).RootElement.EnumerateArray().ToList();
            var errors = findings.Where(f => f.GetProperty("severity").GetInt32() == 0)
                .Select(f => $"{f.GetProperty("code").GetString()} at {string.Join('.', f.GetProperty("path").EnumerateArray())}: {f.GetProperty("message").GetString()}")
                .ToList();
            errors.Should().BeEmpty("the document must lint clean (warnings: {0})", findings.Count(f => f.GetProperty("severity").GetInt32() == 1));
            outcome.ExitCode.Should().Be(0, outcome.StandardError);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_document_describes_operations_security_errors_and_headers_as_the_server_behaves()
    {
        using var document = JsonDocument.Parse(await DocumentTextAsync());
        var root = document.RootElement;
        root.GetProperty("openapi").GetString().Should().StartWith("3.1");
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().Should().Be("bearer");
        schemes.GetProperty("apiKey").GetProperty("name").GetString().Should().Be("X-API-Key");
        schemes.GetProperty("apiKey").GetProperty("in").GetString().Should().Be("header");

        var create = root.GetProperty("paths").GetProperty("/v1/sessions").GetProperty("post");
        create.GetProperty("operationId").GetString().Should().Be("CreateSession");
        create.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single())
            .Should().Contain(p => p.Name == "apiKey" && p.Value.EnumerateArray().Single().GetString() == "sessions:create");
        create.GetProperty("parameters").EnumerateArray().Should().Contain(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
        var responses = create.GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "409", "422", "429" })
        {
            responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue($"{status} is a problem+json answer");
        }

        responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).Should().BeTrue();
        responses.GetProperty("201").GetProperty("headers").TryGetProperty("RateLimit", out _).Should().BeTrue();

        var list = root.GetProperty("paths").GetProperty("/v1/sessions").GetProperty("get");
        list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .Should().Contain(["limit", "starting_after", "updated_since", "status"]);

        // Property names are the ones on the wire (snake_case), not the C# ones.
        var schemas = root.GetProperty("components").GetProperty("schemas");
        var session = schemas.EnumerateObject().Single(s => s.Name == "SessionResponse").Value.GetProperty("properties");
        session.EnumerateObject().Select(p => p.Name).Should().Contain(["session_type", "result_count", "created_at"]).And.NotContain("SessionType");

        // Anonymous operations say so explicitly; everything else needs a credential.
        var login = root.GetProperty("paths").GetProperty("/v1/auth/login").GetProperty("post");
        login.GetProperty("security").EnumerateArray().Single().EnumerateObject().Should().BeEmpty();
        var operations = root.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject()).ToList();
        operations.Where(o => o.Value.ValueKind != JsonValueKind.Object || !o.Value.TryGetProperty("operationId", out var id) || !o.Value.TryGetProperty("tags", out var tags))
            .Select(o => o.Name).Should().BeEmpty("every operation has an operationId and a tag");
    }

    [Fact]
    public async Task The_document_needs_no_credentials_and_is_not_rate_limited()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.Contains("RateLimit").Should().BeFalse();
    }

    private async Task<string> DocumentTextAsync()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        return await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
    }
}
