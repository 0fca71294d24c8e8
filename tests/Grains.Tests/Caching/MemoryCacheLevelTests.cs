using MindPeeker.Grains.Caching;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Caching;

public sealed class MemoryCacheLevelTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Entry_expires_after_its_own_time_to_live()
    {
        var level = new MemoryCacheLevel(100, _time);
        await level.SetAsync("short", [1], TimeSpan.FromMinutes(1), CancellationToken.None);
        await level.SetAsync("long", [2], TimeSpan.FromHours(1), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(59));
        (await level.GetAsync("short", CancellationToken.None)).Should().Equal(1);

        _time.Advance(TimeSpan.FromSeconds(1));
        (await level.GetAsync("short", CancellationToken.None)).Should().BeNull();
        (await level.GetAsync("long", CancellationToken.None)).Should().Equal(2);
    }

    [Fact]
    public async Task Least_recently_used_entry_is_evicted_when_full()
    {
        var level = new MemoryCacheLevel(2, _time);
        await level.SetAsync("a", [1], TimeSpan.FromHours(1), CancellationToken.None);
        await level.SetAsync("b", [2], TimeSpan.FromHours(1), CancellationToken.None);
        await level.GetAsync("a", CancellationToken.None);

        await level.SetAsync("c", [3], TimeSpan.FromHours(1), CancellationToken.None);

        level.Count.Should().Be(2);
        (await level.GetAsync("b", CancellationToken.None)).Should().BeNull("b was used least recently");
        (await level.GetAsync("a", CancellationToken.None)).Should().Equal(1);
        (await level.GetAsync("c", CancellationToken.None)).Should().Equal(3);
    }

    [Fact]
    public void Cache_key_hashes_the_normalized_input()
    {
        var key = CacheKey.For(CacheKey.InferenceKind, "rv-model", "1.0.0", "remote_viewing", "visual", "  a  stone\r\n\tbridge ");
        var same = CacheKey.For(CacheKey.InferenceKind, "rv-model", "1.0.0", "remote_viewing", "visual", "a stone bridge");
        var otherVersion = CacheKey.For(CacheKey.InferenceKind, "rv-model", "1.0.1", "remote_viewing", "visual", "a stone bridge");
        var shifted = CacheKey.For(CacheKey.InferenceKind, "rv-model", "1.0.0", "remote_viewingvisual", "", "a stone bridge");

        key.Should().Be(same);
        key.InputHash.Should().HaveLength(64);
        key.ToString().Should().Be($"inference:rv-model:1.0.0:{key.InputHash}");
        otherVersion.ToString().Should().NotBe(key.ToString());
        shifted.InputHash.Should().NotBe(key.InputHash, "parts are hashed with their lengths");
    }
}
