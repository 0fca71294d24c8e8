using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using MindPeeker.ApiFrontend.Tests.Infrastructure;
using MindPeeker.ApiFrontend.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.ApiFrontend.Tests.Observability;

/// <summary>
/// The <c>mindpeeker-json</c> log format of a real host: what it writes while users register and a session runs has
/// the SPEC's shape on every line, carries user and session ids where the entry names them, the current trace, and
/// never a secret.
/// </summary>
public sealed class StructuredLogTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private ApiFactory _root = null!;
    private WebApplicationFactory<Silo.Program> _factory = null!;
    private FormattedLogCapture _capture = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _root = new ApiFactory(_database.ConnectionString, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["RateLimiting:Enabled"] = "false",
        });
        _factory = _root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<ILoggerProvider>(sp =>
            {
                _capture = new FormattedLogCapture(() => sp.GetServices<ConsoleFormatter>().Single(f => f.Name == "mindpeeker-json"));
                return _capture;
            })));
        _ = _factory.Services;
    }

    [Fact]
    public void The_host_selects_the_mindpeeker_json_console_formatter_by_configuration()
    {
        var configuration = _factory.Services.GetRequiredService<IConfiguration>();

        configuration["Logging:Console:FormatterName"].Should().Be("mindpeeker-json");
        _factory.Services.GetServices<ConsoleFormatter>().Select(f => f.Name).Should().Contain("mindpeeker-json");
    }

    [Fact]
    public async Task Every_line_the_host_writes_while_a_session_runs_has_the_spec_shape()
    {
        using var client = _factory.CreateClient();
        var account = await TestAccounts.RegisterAsync(client, "logs");
        client.WithBearer(account);
        var id = (await SessionRequests.CreateAsync(client)).GetProperty("id").GetGuid();

        // The pipeline runs in the background; its "completed" status line is the last thing the session logs.
        await _capture.WaitForLineAsync(
            line => line.Contains($"\"session_id\":\"{id}\"", StringComparison.Ordinal) && line.Contains("is completed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));

        var lines = _capture.Lines;
        lines.Should().HaveCountGreaterThan(5);
        lines.SelectMany(LogLineShape.Problems).Should().BeEmpty();
        var parsed = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        parsed.Should().OnlyContain(line => line.GetProperty("service").GetString() == "mindpeeker-silo");
        parsed.Should().Contain(line => line.GetProperty("user_id").GetString() == account.UserId.ToString(), "registration names the user");
        var statusLine = parsed.First(line => line.GetProperty("session_id").GetString() == id.ToString());
        var metadata = statusLine.GetProperty("metadata");
        metadata.GetProperty("category").GetString().Should().Be("MindPeeker.Grains.Sessions.SessionGrain");
        metadata.GetProperty("event_id").GetInt32().Should().Be(5001);
        metadata.TryGetProperty("session_id", out _).Should().BeFalse("the session id is a top-level field, not metadata");
        metadata.GetProperty("sequence").ValueKind.Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public void A_logged_secret_is_redacted_by_property_name_and_by_shape()
    {
        var logger = _factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Tests.Secrets");
        const string password = "hunter2-correct-horse";
        const string apiKey = "mpk_0123456789ab_S3cr3tK3yMaterialXYZ";
        const string webhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLWJ5dGVz";
        const string signingKey = "-----BEGIN PRIVATE KEY-----MIIEvQ";

        using (logger.BeginScope(new Dictionary<string, object?> { ["SigningKey"] = signingKey, ["UserId"] = "user-1" }))
        {
            logger.LogWarning("Login with {Password} and key {ApiKey} for endpoint secret {Detail}, header Bearer {Token}", password, apiKey, webhookSecret, jwt);
        }

        var line = _capture.Lines.Single(l => l.Contains("MindPeeker.Tests.Secrets", StringComparison.Ordinal));
        LogLineShape.Problems(line).Should().BeEmpty();
        line.Should().NotContain(password).And.NotContain("S3cr3tK3yMaterialXYZ").And.NotContain(webhookSecret)
            .And.NotContain(jwt).And.NotContain(signingKey).And.NotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        line.Should().Contain("[redacted]");
        var root = JsonDocument.Parse(line).RootElement;
        root.GetProperty("user_id").GetString().Should().Be("user-1");
        root.GetProperty("metadata").GetProperty("password").GetString().Should().Be("[redacted]");
        root.GetProperty("metadata").GetProperty("signing_key").GetString().Should().Be("[redacted]");
    }

    [Fact]
    public void Trace_and_span_ids_are_those_of_the_current_activity()
    {
        var logger = _factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MindPeeker.Tests.Tracing");
        using var activity = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start();

        logger.LogInformation("Inside a span");

        var root = JsonDocument.Parse(_capture.Lines.Single(l => l.Contains("MindPeeker.Tests.Tracing", StringComparison.Ordinal))).RootElement;
        root.GetProperty("trace_id").GetString().Should().Be(activity.TraceId.ToHexString());
        root.GetProperty("span_id").GetString().Should().Be(activity.SpanId.ToHexString());
        root.GetProperty("level").GetString().Should().Be("information");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        await _database.DisposeAsync();
    }
}
