using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.DataLifecycle;
using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Grains.Analysis;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Tests.Caching;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.Runtime.Hosting;
using MindPeeker.Runtime.Management;
using MindPeeker.TestSupport;
using StackExchange.Redis;

namespace MindPeeker.Grains.Tests.DataLifecycle;

/// <summary>GDPR erasure removes the erased user's cached analysis results from Redis and every silo's memory level.</summary>
public sealed class ErasureCacheTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private const string ErasedCue = "A lighthouse on a cliff, seen from the sea at dusk";
    private const string OtherCue = "Is the lost ring under the garden shed?";

    [Fact]
    public async Task Erasing_a_user_removes_their_session_results_from_memory_and_Redis_and_keeps_other_users_entries()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var silo = await ErasureCacheSilo.StartAsync(database, TestRedis.Address, prefix);
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Address);
        var erased = await database.CreateUserAsync();
        var other = await database.CreateUserAsync();
        await CompleteSessionAsync(silo, erased, ErasedCue);
        await CompleteSessionAsync(silo, other, OtherCue);
        var erasedKeys = silo.KeysOf("dowsing", ErasedCue, 0.5, AnalysisTypes.BySessionType["dowsing"]);
        var otherKeys = silo.KeysOf("dowsing", OtherCue, 0.5, AnalysisTypes.BySessionType["dowsing"]);
        foreach (var key in erasedKeys.Concat(otherKeys))
        {
            (await silo.InMemoryAsync(key)).Should().BeTrue("the completed session's result was cached in memory");
            (await redis.GetDatabase().KeyExistsAsync(prefix + key)).Should().BeTrue("and in Redis");
        }

        var report = await silo.Grains.GetGrain<IUserDataGrain>(erased).Erase(new DataRequester(erased, null, null));

        report!.Sessions.Should().Be(1);
        report.CacheKeys.Should().Be(erasedKeys.Count);
        report.CacheNotReached.Should().BeEmpty();
        foreach (var key in erasedKeys)
        {
            (await silo.InMemoryAsync(key)).Should().BeFalse("erasure drops the user's results from every silo's memory level");
            (await redis.GetDatabase().KeyExistsAsync(prefix + key)).Should().BeFalse("and from Redis");
        }

        foreach (var key in otherKeys)
        {
            (await silo.InMemoryAsync(key)).Should().BeTrue("another user's entries stay");
            (await redis.GetDatabase().KeyExistsAsync(prefix + key)).Should().BeTrue("another user's entries stay");
        }

        var removed = silo.Logs.Entries.Single(e => e.EventId == 9213);
        removed.Message.Should().Contain($"{erasedKeys.Count} cached analysis keys").And.Contain($"{erasedKeys.Count} entries from Redis");
        silo.Logs.Entries.Should().NotContain(e => e.Message.Contains("lighthouse", StringComparison.OrdinalIgnoreCase) || erasedKeys.Any(k => e.Message.Contains(k, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task With_Redis_unreachable_erasure_succeeds_clears_memory_and_reports_and_logs_Redis_as_not_reached()
    {
        await using var silo = await ErasureCacheSilo.StartAsync(database, "127.0.0.1:" + ClosedPort(), CacheHarness.NewPrefix());
        var erased = await database.CreateUserAsync();
        await CompleteSessionAsync(silo, erased, ErasedCue);
        var keys = silo.KeysOf("dowsing", ErasedCue, 0.5, AnalysisTypes.BySessionType["dowsing"]);
        (await silo.InMemoryAsync(keys[0])).Should().BeTrue();

        var report = await silo.Grains.GetGrain<IUserDataGrain>(erased).Erase(new DataRequester(erased, null, null));

        report!.CacheKeys.Should().Be(keys.Count);
        report.CacheNotReached.Should().Equal("redis");
        foreach (var key in keys)
        {
            (await silo.InMemoryAsync(key)).Should().BeFalse();
        }

        var warning = silo.Logs.Entries.Single(e => e.EventId == 9215);
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().NotContain("lighthouse").And.NotContain(keys[0]);
        (await silo.Grains.GetGrain<IUserDataGrain>(erased).Export(new DataRequester(erased, null, null))).Should().BeNull("the user is erased all the same");
    }

    [Fact]
    public async Task A_silo_whose_memory_level_does_not_confirm_is_reported_and_logged_and_the_erasure_still_completes()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var silo = await ErasureCacheSilo.StartAsync(database, TestRedis.Address, prefix,
            builder => builder.Services.AddSiloControlHandler<UnavailableCacheRemoval>());
        using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Address);
        var erased = await database.CreateUserAsync();
        await CompleteSessionAsync(silo, erased, ErasedCue);
        var keys = silo.KeysOf("dowsing", ErasedCue, 0.5, AnalysisTypes.BySessionType["dowsing"]);

        var report = await silo.Grains.GetGrain<IUserDataGrain>(erased).Erase(new DataRequester(erased, null, null));

        report!.CacheNotReached.Should().Equal("local");
        (await redis.GetDatabase().KeyExistsAsync(prefix + keys[0])).Should().BeFalse("Redis is cleared even when a silo does not answer");
        var warning = silo.Logs.Entries.Single(e => e.EventId == 9214);
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain("silo local").And.NotContain("lighthouse").And.NotContain(keys[0]);
        (await silo.Grains.GetGrain<IUserDataGrain>(erased).Export(new DataRequester(erased, null, null))).Should().BeNull();
    }

    [Fact]
    public async Task The_cache_remove_handler_rejects_an_argument_without_keys_and_answers_how_many_it_dropped()
    {
        await using var cache = CacheHarness.Create(redis: null);
        await cache.GetAsync("kept");
        await cache.GetAsync("dropped");
        var handler = new CacheRemovalHandler(cache.Cache);

        var answer = await handler.HandleAsync(JsonSerializer.SerializeToElement(new { keys = new[] { CacheHarness.Key("dropped").ToString(), "absent" } }), CancellationToken.None);
        var invalid = () => handler.HandleAsync(JsonSerializer.SerializeToElement(new { other = 1 }), CancellationToken.None).AsTask();

        answer.GetProperty("removed").GetInt64().Should().Be(1);
        (await cache.Cache.Memory.GetAsync(CacheHarness.Key("kept").ToString(), CancellationToken.None)).Should().NotBeNull();
        (await cache.Cache.Memory.GetAsync(CacheHarness.Key("dropped").ToString(), CancellationToken.None)).Should().BeNull();
        await invalid.Should().ThrowAsync<ArgumentException>().WithMessage("*'keys' array*");
    }

    private static async Task CompleteSessionAsync(ErasureCacheSilo silo, Guid owner, string cue)
    {
        var id = Guid.NewGuid();
        await silo.Grains.GetGrain<ISessionGrain>(id).Create(
            new CreateSession(owner, cue, "dowsing", new SessionParameters(0.5, []), JsonDocument.Parse("{}").RootElement));
        await silo.Updates.WaitForEventAsync(id, SessionEvents.Completed);
    }

    /// <summary>Stands for a silo whose memory level cannot drop entries now (the last handler of a name wins).</summary>
    private sealed class UnavailableCacheRemoval : ISiloControlHandler
    {
        public string Name => CacheRemovalHandler.HandlerName;

        public ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the memory level is unavailable");
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
