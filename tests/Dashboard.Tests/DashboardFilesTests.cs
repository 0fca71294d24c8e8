using System.Net;
using System.Text.RegularExpressions;
using MindPeeker.Dashboard.Tests.Infrastructure;
using MindPeeker.TestSupport;

namespace MindPeeker.Dashboard.Tests;

/// <summary>The dashboard's files as the front end serves them (in-memory test server, real silo and PostgreSQL).</summary>
public sealed partial class DashboardFilesTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private DashboardHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _host = new DashboardHost(_database.ConnectionString, "nobody@example.com", onKestrel: false);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/")]
    [InlineData("/admin/index.html")]
    public async Task The_page_is_public_and_carries_a_content_security_policy_that_allows_only_its_own_origin(string path)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        policy.Should().Contain("default-src 'none'").And.Contain("script-src 'self';").And.Contain("connect-src 'self'")
            .And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval").And.NotContain("http");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<form id=\"login-form\"");
        InlineScript().IsMatch(html).Should().BeFalse("the policy forbids inline scripts, so the page must not have any");
        InlineStyle().IsMatch(html).Should().BeFalse("the policy forbids inline styles");
    }

    [Fact]
    public async Task Every_script_and_style_the_page_loads_is_served_with_its_media_type()
    {
        using var client = _host.CreateClient();
        var html = await client.GetStringAsync("/admin");
        var app = await client.GetStringAsync("/admin/app.js");
        var referenced = Reference().Matches(html).Select(m => m.Groups["path"].Value)
            .Concat(ModuleImport().Matches(app).Select(m => "/admin/" + m.Groups["path"].Value.TrimStart('.', '/')))
            .ToList();

        referenced.Should().Contain(["/admin/app.css", "/admin/app.js", "/admin/vendor/signalr.min.js", "/admin/pages/overview.js", "/admin/pages/logs.js"]);
        foreach (var path in referenced)
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType!.MediaType.Should().Be(path.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", path);
            response.Headers.Contains("Content-Security-Policy").Should().BeTrue(path);
        }
    }

    [Fact]
    public async Task An_unchanged_file_answers_304_to_its_etag()
    {
        using var client = _host.CreateClient();
        using var first = await client.GetAsync("/admin/app.js");
        var etag = first.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/app.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);

        etag.IsWeak.Should().BeFalse();
        second.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [InlineData("/admin/missing.js")]
    [InlineData("/admin/../appsettings.json")]
    [InlineData("/admin/vendor/signalr.version")]
    public async Task A_file_the_dashboard_does_not_have_is_a_problem_json_404(string path)
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"(?:src|href)=""(?<path>/admin/[^""]+)""")]
    private static partial Regex Reference();

    [GeneratedRegex(@"from ""(?<path>\./[^""]+)""")]
    private static partial Regex ModuleImport();
}
