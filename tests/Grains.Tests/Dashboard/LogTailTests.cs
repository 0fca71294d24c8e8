using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MindPeeker.Runtime.Logging;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Dashboard;

/// <summary>The live log tail's logger provider and ring buffer, through the real logging pipeline.</summary>
public sealed class LogTailTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services;

    public LogTailTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dashboard:LogTail:Capacity"] = "10",
        }).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_time)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace))
            .AddLogTail()
            .BuildServiceProvider();
    }

    private LogRingBuffer Buffer => _services.GetRequiredService<LogRingBuffer>();

    private ILoggerFactory Loggers => _services.GetRequiredService<ILoggerFactory>();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void Entries_below_information_are_neither_formatted_nor_kept()
    {
        var logger = Loggers.CreateLogger("MindPeeker.Test");
        var formatted = 0;

        logger.Log(LogLevel.Debug, new EventId(1), "state", null, (s, _) => { formatted++; return s; });
        logger.Log(LogLevel.Information, new EventId(2), "state", null, (s, _) => { formatted++; return s; });

        formatted.Should().Be(1, "only the information entry is formatted (by the tail; no other provider is registered)");
        Buffer.Read(new LogTailFilter(), null, 100).Should().ContainSingle().Which.EventId.Should().Be(2);
    }

    [Fact]
    public void The_buffer_keeps_the_newest_entries_up_to_its_capacity()
    {
        var logger = Loggers.CreateLogger("MindPeeker.Test");
        for (var i = 1; i <= 15; i++)
        {
            logger.LogInformation("Entry {Number}", i);
        }

        var entries = Buffer.Read(new LogTailFilter(), null, 100);

        entries.Should().HaveCount(10);
        entries[0].Message.Should().Be("Entry 6");
        entries[^1].Message.Should().Be("Entry 15");
        entries.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void Entries_carry_level_event_session_and_grain_and_filter_by_them()
    {
        var sessionId = Guid.NewGuid();
        var sessionLogger = Loggers.CreateLogger("MindPeeker.Grains.Sessions.SessionGrain");
        var other = Loggers.CreateLogger("MindPeeker.Grains.Webhooks.WebhookEndpointGrain");
        sessionLogger.Log(LogLevel.Information, new EventId(5001, "StatusChanged"), "Session {SessionId} is {Status}.", sessionId, "processing");
        sessionLogger.LogWarning(new InvalidOperationException("model missing"), "Session {SessionId}: analysis failed.", sessionId);
        using (other.BeginScope(new Dictionary<string, object?> { ["GrainId"] = "webhookendpoint/abc" }))
        {
            other.LogError("Delivery failed.");
        }

        var bySession = Buffer.Read(new LogTailFilter(Session: sessionId.ToString()), null, 100);
        bySession.Should().HaveCount(2).And.OnlyContain(e => e.SessionId == sessionId.ToString() && e.GrainType == "SessionGrain");
        bySession[0].EventId.Should().Be(5001);
        bySession[0].EventName.Should().Be("StatusChanged");
        bySession[0].Level.Should().Be("information");
        bySession[1].ExceptionType.Should().Be("System.InvalidOperationException");
        bySession[1].ExceptionMessage.Should().Be("model missing");

        Buffer.Read(new LogTailFilter(Level: "warning"), null, 100).Select(e => e.Level).Should().Equal("warning", "error");
        var byGrain = Buffer.Read(new LogTailFilter(Grain: "webhookendpoint/abc"), null, 100).Should().ContainSingle().Subject;
        byGrain.GrainId.Should().Be("webhookendpoint/abc");
        byGrain.GrainType.Should().Be("webhookendpoint");
        Buffer.Read(new LogTailFilter(Grain: "sessiongrain", Level: "error"), null, 100).Should().BeEmpty();
    }

    [Fact]
    public void Secrets_never_reach_the_tail()
    {
        var logger = Loggers.CreateLogger("MindPeeker.Test");
        const string ApiKey = "mpk_0123456789ab_Zx9vQ2pL7sK4mN8rT1wY5uH3jF6dG0cB2aE4iO7nQ9t";
        const string WebhookSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        const string Jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl";
        const string Password = "hunter2-correct-horse";

        logger.LogWarning("Key {ApiKey} presented for {Path}.", ApiKey, "/v1/sessions");
        logger.LogWarning("Endpoint rotated; new secret {Secret}.", WebhookSecret);
        logger.LogWarning("Rejected Authorization: Bearer {Token}.", Jwt);
        logger.LogWarning("Connecting with {ConnectionString}.", $"Host=db;Username=mp;Password={Password}");
        logger.LogWarning("User {UserName} changed {ClientSecret}.", "alice", "plain-client-secret-value");
        logger.LogError(new InvalidOperationException($"Upstream refused key {ApiKey}"), "Call failed.");

        var text = string.Join('\n', Buffer.Read(new LogTailFilter(), null, 100).Select(e => e.Message + " " + e.ExceptionMessage));
        text.Should().NotContain("Zx9vQ2pL7sK4mN8rT1wY5uH3jF6dG0cB2aE4iO7nQ9t")
            .And.NotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .And.NotContain("c2lnbmF0dXJlc2lnbmF0dXJl")
            .And.NotContain(Password)
            .And.NotContain("plain-client-secret-value");
        text.Should().Contain("mpk_0123456789ab_" + LogRedaction.Mask, "the public prefix still tells which key").And.Contain("alice");
    }

    [Fact]
    public void Reading_after_a_position_returns_only_newer_entries_oldest_first()
    {
        var logger = Loggers.CreateLogger("MindPeeker.Test");
        logger.LogInformation("first");
        logger.LogInformation("second");
        var seen = Buffer.Read(new LogTailFilter(), null, 100);
        var position = new LogPosition(seen[^1].Timestamp, Buffer.Id, seen[^1].Sequence);

        Buffer.Read(new LogTailFilter(), position, 100).Should().BeEmpty();
        logger.LogInformation("third");
        _time.Advance(TimeSpan.FromSeconds(1));
        logger.LogInformation("fourth");

        Buffer.Read(new LogTailFilter(), position, 100).Select(e => e.Message).Should().Equal("third", "fourth");
        Buffer.Read(new LogTailFilter(), position, 1).Select(e => e.Message).Should().Equal("third");
    }
}
