using System.Security.Cryptography;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Identity;

/// <summary>Each test gets its own database: the ring is one per database.</summary>
public sealed class SigningKeyRingGrainTests : IAsyncLifetime
{
    private PostgreSqlTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await PostgreSqlTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_first_run_generates_a_key_and_later_runs_keep_using_it()
    {
        SigningKeySet first;
        await using (var silo = await IdentitySilo.StartAsync(_database))
        {
            first = await silo.Grains.GetGrain<ISigningKeyRingGrain>(0).GetKeys();
        }

        await using var restarted = await IdentitySilo.StartAsync(_database);
        var second = await restarted.Grains.GetGrain<ISigningKeyRingGrain>(0).GetKeys();

        second.ActiveKeyId.Should().Be(first.ActiveKeyId);
        second.PublicKeys.Select(k => k.KeyId).Should().Equal(first.ActiveKeyId);
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(second.ActivePrivateKey, out _);
        rsa.KeySize.Should().Be(2048);
    }

    [Fact]
    public async Task Rotation_keeps_the_old_key_verifying_until_it_retires()
    {
        var time = new FakeTimeProvider();
        await using var silo = await IdentitySilo.StartAsync(_database, time, new Dictionary<string, string?> { ["Identity:SigningKeys:RetireAfter"] = "01:00:00" });
        var ring = silo.Grains.GetGrain<ISigningKeyRingGrain>(0);
        var before = await ring.GetKeys();

        var rotated = await ring.Rotate();
        rotated.ActiveKeyId.Should().NotBe(before.ActiveKeyId);
        rotated.PublicKeys.Select(k => k.KeyId).Should().BeEquivalentTo([before.ActiveKeyId, rotated.ActiveKeyId]);

        time.Advance(TimeSpan.FromMinutes(61));
        var later = await ring.Rotate();

        later.PublicKeys.Select(k => k.KeyId).Should().BeEquivalentTo([rotated.ActiveKeyId, later.ActiveKeyId]);
    }

    [Fact]
    public async Task With_a_passphrase_private_keys_are_stored_encrypted_and_a_silo_without_it_refuses_them()
    {
        var settings = new Dictionary<string, string?> { ["Identity:SigningKeys:Passphrase"] = "a passphrase for the key ring" };
        await using (var silo = await IdentitySilo.StartAsync(_database, configuration: settings))
        {
            await silo.Grains.GetGrain<ISigningKeyRingGrain>(0).GetKeys();
        }

        await using (var command = _database.DataSource.CreateCommand("SELECT private_key, encrypted FROM signing_keys"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            reader.GetBoolean(1).Should().BeTrue();
            var stored = reader.GetFieldValue<byte[]>(0);
            using var rsa = RSA.Create();
            ((Action)(() => rsa.ImportPkcs8PrivateKey(stored, out _))).Should().Throw<CryptographicException>();
        }

        await using var withoutPassphrase = await IdentitySilo.StartAsync(_database);
        var act = () => withoutPassphrase.Grains.GetGrain<ISigningKeyRingGrain>(0).GetKeys();
        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*Passphrase*");
    }

    [Fact]
    public async Task A_pinned_key_is_used_with_its_thumbprint_as_key_id_and_cannot_be_rotated_away()
    {
        using var pinned = RSA.Create(2048);
        var settings = new Dictionary<string, string?> { ["Identity:SigningKeys:PrivateKeyPem"] = pinned.ExportPkcs8PrivateKeyPem() };
        await using var silo = await IdentitySilo.StartAsync(_database, configuration: settings);
        var ring = silo.Grains.GetGrain<ISigningKeyRingGrain>(0);

        var keys = await ring.GetKeys();

        keys.PublicKeys.Single().Modulus.Should().Equal(pinned.ExportParameters(false).Modulus);
        keys.ActiveKeyId.Should().MatchRegex("^[A-Za-z0-9_-]{43}$");
        await ((Func<Task>)ring.Rotate).Should().ThrowAsync<InvalidOperationException>().WithMessage("*pinned*");
    }
}
