using System.Buffers.Text;
using MindPeeker.Grains.Abstractions.Identity;

namespace MindPeeker.Grains.Tests.Identity;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void A_generated_key_parses_back_to_its_prefix_and_a_256_bit_secret()
    {
        var (prefix, key) = ApiKeyFormat.Generate();

        ApiKeyFormat.TryParse(key, out var parsedPrefix, out var secret).Should().BeTrue();
        parsedPrefix.Should().Be(prefix).And.MatchRegex("^[0-9a-f]{12}$");
        Base64Url.DecodeFromChars(secret).Should().HaveCount(32);
        key.Should().Be($"mpk_{prefix}_{secret}");
    }

    [Fact]
    public void Two_keys_never_share_a_prefix_or_a_secret()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeyFormat.Generate()).ToList();

        keys.Select(k => k.Prefix).Should().OnlyHaveUniqueItems();
        keys.Select(k => k.Key).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("mpk_")]
    [InlineData("sk_live_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mpk_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mpk_0123456789ab-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mpk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mpk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void Anything_not_shaped_like_a_key_is_refused_before_any_lookup(string? candidate) =>
        ApiKeyFormat.TryParse(candidate, out _, out _).Should().BeFalse();

    [Fact]
    public void The_stored_hash_is_the_sha256_of_the_secret_and_differs_per_secret()
    {
        var (_, first) = ApiKeyFormat.Generate();
        var (_, second) = ApiKeyFormat.Generate();
        ApiKeyFormat.TryParse(first, out _, out var firstSecret);
        ApiKeyFormat.TryParse(second, out _, out var secondSecret);

        ApiKeyFormat.HashSecret(firstSecret).Should().HaveCount(32).And.Equal(ApiKeyFormat.HashSecret(firstSecret));
        ApiKeyFormat.HashSecret(firstSecret).Should().NotEqual(ApiKeyFormat.HashSecret(secondSecret));
    }

    [Fact]
    public void Refresh_tokens_carry_their_family_and_garbage_carries_none()
    {
        var family = Guid.NewGuid();
        var token = RefreshTokenFormat.Create(family);

        RefreshTokenFormat.TryGetFamily(token, out var parsed).Should().BeTrue();
        parsed.Should().Be(family);
        RefreshTokenFormat.TryGetFamily("mprt_nothex_x", out _).Should().BeFalse();
        RefreshTokenFormat.TryGetFamily(null, out _).Should().BeFalse();
    }
}
