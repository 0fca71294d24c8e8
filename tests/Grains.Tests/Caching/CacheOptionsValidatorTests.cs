using MindPeeker.Grains.Caching;

namespace MindPeeker.Grains.Tests.Caching;

public sealed class CacheOptionsValidatorTests
{
    [Fact]
    public void Spec_defaults_with_a_redis_address_are_valid()
    {
        var options = new CacheOptions { RedisConnectionString = "127.0.0.1:6379" };

        new CacheOptionsValidator().Validate(null, options).Succeeded.Should().BeTrue();
        options.ResultTtl.Should().Be(TimeSpan.FromDays(7));
        options.PromptTtl.Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void A_redis_string_without_an_endpoint_and_bad_bounds_fail_start_up()
    {
        var options = new CacheOptions { RedisConnectionString = "password=hunter2", MemoryMaxEntries = 0, PromptTtl = TimeSpan.Zero };

        var result = new CacheOptionsValidator().Validate(null, options);

        result.Failures.Should().Contain(f => f.Contains("ConnectionStrings:Redis names no endpoint"));
        result.Failures.Should().Contain(f => f.Contains("Cache:MemoryMaxEntries"));
        result.Failures.Should().Contain(f => f.Contains("Cache:PromptTtl"));
        result.Failures.Should().NotContain(f => f.Contains("hunter2"), "a password is never echoed");
    }
}
