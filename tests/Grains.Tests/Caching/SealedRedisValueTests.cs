using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Caching;
using MindPeeker.Grains.Secrets;
using StackExchange.Redis;

namespace MindPeeker.Grains.Tests.Caching;

/// <summary>
/// What the cache keeps in a real Redis is sealed: unreadable without the master key, bound to its key, still shared
/// between silos with the same keys and across a master-key rotation.
/// </summary>
public sealed class SealedRedisValueTests
{
    private const int UnsealableEntry = 6234;

    private static readonly Lazy<Task<ConnectionMultiplexer>> Connection = new(() => ConnectionMultiplexer.ConnectAsync(TestRedis.Address));

    [Fact]
    public async Task Redis_holds_no_plaintext_and_a_silo_with_the_same_master_key_is_served_from_it()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var first = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix));
        await using var second = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix));

        (await first.GetAsync("harbour", answer: "restricted finding")).Should().Be("restricted finding:harbour");

        var stored = await RawAsync(prefix, "harbour");
        stored.Should().NotBeNull("the value is in Redis");
        Encoding.UTF8.GetString(stored!).Should().NotContain("restricted finding").And.NotContain("harbour");
        (await second.GetAsync("harbour", answer: "recomputed")).Should().Be("restricted finding:harbour");
        second.Computed.Should().Be(0);
    }

    [Fact]
    public async Task A_value_sealed_under_a_master_key_this_silo_does_not_have_is_a_miss_that_is_recomputed()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var writer = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix));
        await using var stranger = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix, keys: NewKeys()));
        await writer.GetAsync("lighthouse", answer: "first");

        (await stranger.GetAsync("lighthouse", answer: "second")).Should().Be("second:lighthouse");

        stranger.Computed.Should().Be(1);
        stranger.Logs.Entries.Should().ContainSingle(e => e.EventId == UnsealableEntry)
            .Which.Message.Should().Contain("master-key version 1 is not configured");
        (await RawAsync(prefix, "lighthouse")).Should().NotBeNull("the recomputed value was sealed again under the stranger's key");
        stranger.Metrics.Misses.Should().Be(1);
    }

    [Fact]
    public async Task A_sealed_value_copied_to_another_key_does_not_open_there()
    {
        var prefix = CacheHarness.NewPrefix();
        await using var cache = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix));
        await cache.GetAsync("north", answer: "north answer");
        await using var reader = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix));

        var database = await DatabaseAsync();
        await database.StringSetAsync(prefix + CacheHarness.Key("south"), await RawAsync(prefix, "north"));

        (await reader.GetAsync("south", answer: "south answer")).Should().Be("south answer:south");
        reader.Computed.Should().Be(1);
        reader.Logs.Entries.Should().ContainSingle(e => e.EventId == UnsealableEntry);
    }

    [Fact]
    public async Task After_a_master_key_rotation_values_sealed_under_the_old_key_are_still_served()
    {
        var prefix = CacheHarness.NewPrefix();
        var oldKey = RandomNumberGenerator.GetBytes(SecretCipher.KeySize);
        await using var before = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix, keys: new MasterKeyRing(new Dictionary<int, byte[]> { [1] = oldKey })));
        await before.GetAsync("ridge", answer: "kept");
        var rotated = new MasterKeyRing(new Dictionary<int, byte[]> { [1] = oldKey, [2] = RandomNumberGenerator.GetBytes(SecretCipher.KeySize) });
        await using var after = await ConnectedAsync(CacheHarness.Create(TestRedis.Address, prefix, keys: rotated));

        (await after.GetAsync("ridge", answer: "recomputed")).Should().Be("kept:ridge");
        after.Computed.Should().Be(0);
        (await after.GetAsync("valley", answer: "new")).Should().Be("new:valley");
        SecretCipher.KeyVersionOf((await RawAsync(prefix, "valley"))!, SecretPurpose.CacheValue).Should().Be(2, "new values use the active version");
    }

    [Fact]
    public async Task A_silo_with_Redis_but_no_master_key_refuses_to_start_and_one_without_Redis_needs_none()
    {
        using var withRedis = BuildHost(redis: TestRedis.Address);
        var refused = await FluentActions.Awaiting(() => withRedis.StartAsync()).Should().ThrowAsync<OptionsValidationException>();
        refused.Which.Message.Should().Contain("ConnectionStrings:Redis is set").And.Contain("Integrations:Credentials:MasterKeys is empty");

        using var withoutRedis = BuildHost(redis: null);
        await withoutRedis.StartAsync();
        withoutRedis.Services.GetRequiredService<TwoLevelCache>().HasSharedLevel.Should().BeFalse();
        await withoutRedis.StopAsync();
    }

    private static IHost BuildHost(string? redis)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        if (redis is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis });
        }

        builder.Services.AddAnalysisCache();
        return builder.Build();
    }

    private static MasterKeyRing NewKeys() => new(new Dictionary<int, byte[]> { [7] = RandomNumberGenerator.GetBytes(SecretCipher.KeySize) });

    private static async Task<CacheHarness> ConnectedAsync(CacheHarness harness)
    {
        await harness.Redis!.WaitUntilConnectedAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        return harness;
    }

    private static async Task<byte[]?> RawAsync(string prefix, string input) =>
        await (await DatabaseAsync()).StringGetAsync(prefix + CacheHarness.Key(input));

    private static async Task<IDatabase> DatabaseAsync() =>
        (await Connection.Value).GetDatabase();
}
