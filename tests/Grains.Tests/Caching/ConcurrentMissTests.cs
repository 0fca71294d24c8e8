namespace MindPeeker.Grains.Tests.Caching;

public sealed class ConcurrentMissTests
{
    [Fact]
    public async Task Concurrent_lookups_of_one_key_share_one_computation()
    {
        await using var cache = CacheHarness.Create(redis: null);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        Task<string> Lookup() => cache.Cache.GetOrCreateAsync(CacheHarness.Key("same prompt"), TimeSpan.FromHours(1), _ =>
        {
            Interlocked.Increment(ref started);
            return release.Task;
        }, CancellationToken.None);

        var first = Lookup();
        var second = Lookup();
        release.SetResult("one answer");

        (await first.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be("one answer");
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be("one answer");
        started.Should().Be(1);
    }

    [Fact]
    public async Task A_failed_computation_is_not_cached_and_the_next_lookup_computes_again()
    {
        await using var cache = CacheHarness.Create(redis: null);
        var attempts = 0;
        Task<string> Lookup() => cache.Cache.GetOrCreateAsync(CacheHarness.Key("flaky"), TimeSpan.FromHours(1), _ =>
            ++attempts == 1 ? Task.FromException<string>(new InvalidOperationException("provider down")) : Task.FromResult("recovered"),
            CancellationToken.None);

        await FluentActions.Awaiting(Lookup).Should().ThrowAsync<InvalidOperationException>().WithMessage("provider down");

        (await Lookup()).Should().Be("recovered");
        attempts.Should().Be(2);
    }
}
