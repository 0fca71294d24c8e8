using System.Text.Json;
using MindPeeker.TestSupport;

namespace MindPeeker.EndToEnd;

/// <summary>
/// The README walk-through against the real host process and a fresh PostgreSQL database, driven
/// by the official <c>@microsoft/signalr</c> Node client: register, API key, create a session with
/// the key, follow it live over SignalR with the JWT to completion, read its results.
/// </summary>
public sealed class WalkthroughTests : IAsyncLifetime
{
    private readonly PostgreSqlTestDatabase _database = new();
    private HostProcess? _silo;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _silo = await SiloProcess.StartAsync(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_newcomer_registers_submits_a_session_watches_it_live_over_SignalR_and_reads_its_results()
    {
        var report = await RunWalkthroughAsync();

        var sessionId = report.GetProperty("sessionId").GetString();
        report.GetProperty("transport").GetString().Should().Be("WebSockets");
        report.GetProperty("created").GetProperty("status").GetString().Should().Be("pending");
        var subscribed = report.GetProperty("subscribed");
        subscribed.GetProperty("id").GetString().Should().Be(sessionId);
        var subscribedAt = subscribed.GetProperty("sequence").GetInt64();
        subscribedAt.Should().BeGreaterThanOrEqualTo(1, "the session was created before the subscription");

        // The event log is the whole history; what arrived live is exactly its part after the subscription, in order.
        var events = report.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("sequence").GetInt64()).Should().Equal(Enumerable.Range(1, events.Count).Select(i => (long)i));
        events.First().GetProperty("event").GetString().Should().Be("created");
        var completed = events.Single(e => e.GetProperty("event").GetString() == "completed");
        completed.GetProperty("status").GetString().Should().Be("completed");
        completed.GetProperty("progress").GetInt32().Should().Be(100);
        events.Select(e => e.GetProperty("progress").GetInt32()).Should().BeInAscendingOrder();

        var live = report.GetProperty("live").EnumerateArray().ToList();
        live.Should().OnlyContain(u => u.GetProperty("type").GetString() == "session_update" && u.GetProperty("sessionId").GetString() == sessionId);
        live.Select(Summary).Should().Equal(
            events.Where(e => e.GetProperty("sequence").GetInt64() > subscribedAt && e.GetProperty("sequence").GetInt64() <= completed.GetProperty("sequence").GetInt64()).Select(Summary));

        // A change after completion arrives live with the next sequence.
        var updated = report.GetProperty("updated");
        updated.GetProperty("event").GetString().Should().Be("updated");
        updated.GetProperty("sequence").GetInt64().Should().Be(completed.GetProperty("sequence").GetInt64() + 1);
        updated.GetProperty("status").GetString().Should().Be("completed");
        Summary(events.Last()).Should().Be(Summary(updated));

        var results = report.GetProperty("results").EnumerateArray().ToList();
        results.Should().NotBeEmpty();
        results.Should().OnlyContain(r => r.GetProperty("confidence").GetDouble() >= 0 && r.GetProperty("confidence").GetDouble() <= 1);
        var final = report.GetProperty("final");
        final.GetProperty("status").GetString().Should().Be("completed");
        final.GetProperty("resultCount").GetInt32().Should().Be(results.Count);

        report.GetProperty("browserSubscribed").GetProperty("id").GetString().Should().Be(sessionId);
        report.GetProperty("browserSubscribed").GetProperty("sequence").GetInt64().Should().Be(updated.GetProperty("sequence").GetInt64());
        report.GetProperty("anonymousRefused").GetBoolean().Should().BeTrue();
    }

    private static string Summary(JsonElement update) =>
        $"{update.GetProperty("sequence").GetInt64()}:{update.GetProperty("event").GetString()}:{update.GetProperty("status").GetString()}:{update.GetProperty("progress").GetInt32()}";

    private async Task<JsonElement> RunWalkthroughAsync()
    {
        try
        {
            return await NodeScript.RunAsync("walkthrough.cjs", TimeSpan.FromSeconds(120), _silo!.BaseAddress.ToString().TrimEnd('/'));
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            throw new InvalidOperationException($"{exception.Message}{Environment.NewLine}Silo output:{Environment.NewLine}{_silo!.Output}", exception);
        }
    }
}
