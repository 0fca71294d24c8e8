using System.Security.Cryptography;
using System.Text;
using MindPeeker.Grains.Integrations.Credentials;
using MindPeeker.Grains.Secrets;

namespace MindPeeker.Grains.Tests.Secrets;

public sealed class SecretCipherTests
{
    private static readonly SecretPurpose Purpose = SecretPurpose.IntegrationCredentials;
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("{\"api_key\":\"nvapi-very-secret-value\"}");
    private readonly Guid _integration = Guid.NewGuid();
    private readonly byte[] _keyV1 = RandomNumberGenerator.GetBytes(32);
    private readonly byte[] _keyV2 = RandomNumberGenerator.GetBytes(32);

    // Envelope offsets: format (1) | version (4) | salt (16) | nonce (12) | tag (16) | ciphertext.
    [Theory]
    [InlineData(0, "format")]
    [InlineData(4, "key version")]
    [InlineData(5, "salt")]
    [InlineData(21, "nonce")]
    [InlineData(33, "tag")]
    [InlineData(49, "ciphertext")]
    public void Flipping_any_bit_of_the_envelope_fails_decryption(int offset, string part)
    {
        var cipher = Cipher(new() { [1] = _keyV1 });
        var envelope = cipher.Encrypt(Purpose, _integration, Secret);

        envelope[offset] ^= 0x01;

        var decrypt = () => cipher.Decrypt(Purpose, _integration, envelope);
        decrypt.Should().Throw<CryptographicException>(because: $"the {part} is authenticated");
    }

    [Fact]
    public void An_envelope_round_trips_and_holds_no_plaintext()
    {
        var cipher = Cipher(new() { [1] = _keyV1 });

        var envelope = cipher.Encrypt(Purpose, _integration, Secret);

        Encoding.UTF8.GetString(envelope).Should().NotContain("nvapi-very-secret-value");
        envelope.Length.Should().Be(49 + Secret.Length);
        SecretCipher.KeyVersionOf(envelope, SecretPurpose.IntegrationCredentials).Should().Be(1);
        cipher.Decrypt(Purpose, _integration, envelope).Should().Equal(Secret);
    }

    [Fact]
    public void Each_encryption_draws_a_new_salt_and_nonce()
    {
        var cipher = Cipher(new() { [1] = _keyV1 });

        var first = cipher.Encrypt(Purpose, _integration, Secret);
        var second = cipher.Encrypt(Purpose, _integration, Secret);

        first.AsSpan(5, 16).SequenceEqual(second.AsSpan(5, 16)).Should().BeFalse("salts differ");
        first.AsSpan(21, 12).SequenceEqual(second.AsSpan(21, 12)).Should().BeFalse("nonces differ");
        first.AsSpan(49).SequenceEqual(second.AsSpan(49)).Should().BeFalse("ciphertexts differ");
    }

    [Fact]
    public void Credentials_moved_to_another_integration_do_not_decrypt()
    {
        var cipher = Cipher(new() { [1] = _keyV1 });
        var envelope = cipher.Encrypt(Purpose, _integration, Secret);

        var decrypt = () => cipher.Decrypt(Purpose, Guid.NewGuid(), envelope);

        decrypt.Should().Throw<AuthenticationTagMismatchException>();
    }

    [Fact]
    public void An_envelope_under_a_version_that_is_not_configured_is_refused_by_name()
    {
        var envelope = Cipher(new() { [1] = _keyV1 }).Encrypt(Purpose, _integration, Secret);

        var decrypt = () => Cipher(new() { [2] = _keyV2 }).Decrypt(Purpose, _integration, envelope);

        decrypt.Should().Throw<CryptographicException>().WithMessage("*master-key version 1*not configured*");
    }

    [Fact]
    public void An_envelope_of_one_purpose_does_not_open_as_another_even_for_the_same_id_and_key()
    {
        var cipher = Cipher(new() { [1] = _keyV1 });
        var envelope = cipher.Encrypt(SecretPurpose.IntegrationCredentials, _integration, Secret);

        var decrypt = () => cipher.Decrypt(SecretPurpose.WebhookSigningSecret, _integration, envelope);

        decrypt.Should().Throw<AuthenticationTagMismatchException>("each purpose derives its own data keys");
    }

    [Fact]
    public void Another_key_under_the_same_version_number_does_not_decrypt()
    {
        var envelope = Cipher(new() { [1] = _keyV1 }).Encrypt(Purpose, _integration, Secret);

        var decrypt = () => Cipher(new() { [1] = _keyV2 }).Decrypt(Purpose, _integration, envelope);

        decrypt.Should().Throw<AuthenticationTagMismatchException>();
    }

    [Fact]
    public void After_rotation_old_envelopes_still_decrypt_and_reseal_moves_them_to_the_active_version()
    {
        var old = Cipher(new() { [1] = _keyV1 }).Encrypt(Purpose, _integration, Secret);
        var rotated = new SealedCredentials(Cipher(new() { [1] = _keyV1, [2] = _keyV2 }));

        var resealed = rotated.Reseal(_integration, old);

        rotated.ActiveVersion.Should().Be(2);
        Cipher(new() { [1] = _keyV1, [2] = _keyV2 }).Decrypt(Purpose, _integration, old).Should().Equal(Secret);
        SecretCipher.KeyVersionOf(resealed, SecretPurpose.IntegrationCredentials).Should().Be(2);
        Cipher(new() { [2] = _keyV2 }).Decrypt(Purpose, _integration, resealed).Should().Equal(Secret, "the old key is no longer needed");
    }

    [Fact]
    public void Sealed_credentials_open_to_the_same_fields()
    {
        var sealer = new SealedCredentials(Cipher(new() { [1] = _keyV1 }));
        var credentials = new Dictionary<string, string> { ["secret"] = "whsec_abc", ["token"] = "t0ken" };

        var opened = sealer.Open(_integration, sealer.Seal(_integration, credentials));

        opened.Should().BeEquivalentTo(credentials);
    }

    private static SecretCipher Cipher(Dictionary<int, byte[]> keys) => new(new MasterKeyRing(keys));
}
