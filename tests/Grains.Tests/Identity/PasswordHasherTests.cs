using MindPeeker.Grains.Identity;

namespace MindPeeker.Grains.Tests.Identity;

public sealed class PasswordHasherTests
{
    // One real 600,000-iteration hash for the whole class: each costs about half a second.
    private static readonly string Stored = PasswordHasher.Hash("correct horse battery staple");

    [Fact]
    public void A_hash_names_its_algorithm_and_iterations_and_is_salted()
    {
        var parts = Stored.Split('$');

        parts[0].Should().Be("pbkdf2-sha256");
        int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(600_000);
        Convert.FromBase64String(parts[2]).Should().HaveCount(16);
        Convert.FromBase64String(parts[3]).Should().HaveCount(32);
        Stored.Length.Should().BeLessThanOrEqualTo(255, "it must fit users.password_hash");
    }

    [Fact]
    public void The_right_password_verifies_and_a_wrong_one_does_not()
    {
        PasswordHasher.Verify("correct horse battery staple", Stored).Should().BeTrue();
        PasswordHasher.Verify("correct horse battery stapl", Stored).Should().BeFalse();
        PasswordHasher.Verify("Correct horse battery staple", Stored).Should().BeFalse();
    }

    [Fact]
    public void The_same_password_hashes_differently_each_time_because_of_the_salt()
    {
        var salt1 = new byte[16];
        var salt2 = new byte[16];
        salt2[0] = 1;

        PasswordHasher.Hash("same password!", salt1, 1_000).Should().NotBe(PasswordHasher.Hash("same password!", salt2, 1_000));
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_still_verifies_and_asks_for_a_rehash()
    {
        var old = PasswordHasher.Hash("legacy password", new byte[16], 1_000);

        PasswordHasher.Verify("legacy password", old).Should().BeTrue();
        PasswordHasher.NeedsRehash(old).Should().BeTrue();
        PasswordHasher.NeedsRehash(Stored).Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256$notanumber$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$99999999999$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$***$AAAA")]
    public void A_malformed_stored_hash_never_verifies(string stored) =>
        PasswordHasher.Verify("anything at all", stored).Should().BeFalse();

    [Fact]
    public void The_decoy_check_for_unknown_logins_always_fails() =>
        PasswordHasher.VerifyDecoy("correct horse battery staple").Should().BeFalse();
}
