using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Integrations;
using MindPeeker.Grains.Secrets;
using MindPeeker.Grains.Tests.Sessions;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Integrations;

public sealed class CredentialRotationTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>, IAsyncLifetime
{
    private readonly byte[] _oldKey = IntegrationSilo.NewKey();
    private readonly byte[] _newKey = IntegrationSilo.NewKey();
    private FakePlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task A_new_active_key_version_re_encrypts_stored_credentials_at_start_and_they_keep_working_without_the_old_key()
    {
        var id = Guid.NewGuid();
        Guid owner;
        await using (var before = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [1] = _oldKey }))
        {
            owner = await database.CreateUserAsync();
            await before.Integration(id).Create(IntegrationCommands.OpenAi(owner, _platform));
            (await before.Rotation).Should().Be(0, "nothing is under an old key yet");
        }

        var (oldEnvelope, _) = await database.CredentialsAsync(id);
        await using (var rotating = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [1] = _oldKey, [2] = _newKey }, activeVersion: 2))
        {
            (await rotating.Rotation).Should().Be(1);
            var (envelope, version) = await database.CredentialsAsync(id);
            version.Should().Be(2);
            SecretCipher.KeyVersionOf(envelope, SecretPurpose.IntegrationCredentials).Should().Be(2);
            envelope.Should().NotEqual(oldEnvelope);
            (await rotating.Integration(id).RotateCredentials()).Should().BeFalse("it is already under the active version");
        }

        await using var after = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [2] = _newKey });
        var caller = new IntegrationCaller(owner);
        var test = await after.Integration(id).Test(caller);

        test.Value!.Success.Should().BeTrue(test.Value.Error);
        (await database.AuditActionsAsync(id)).Should().Contain(AuditActions.IntegrationCredentialsRotated);
        (await after.Integration(id).Logs(caller, 10))!.Select(l => l.Operation).Should().Contain("credentials_rotated");
    }

    [Fact]
    public async Task Credentials_under_a_removed_key_fail_the_call_with_a_clear_error_instead_of_crashing()
    {
        var id = Guid.NewGuid();
        Guid owner;
        await using (var before = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [1] = _oldKey }))
        {
            owner = await database.CreateUserAsync();
            await before.Integration(id).Create(IntegrationCommands.OpenAi(owner, _platform));
        }

        await using var after = await IntegrationSilo.StartAsync(database, new Dictionary<int, byte[]> { [2] = _newKey });
        (await after.Rotation).Should().Be(0);
        var test = await after.Integration(id).Test(new IntegrationCaller(owner));

        test.Value!.Success.Should().BeFalse();
        test.Value.Error.Should().Contain("cannot be decrypted");
        _platform.Requests.Should().BeEmpty("nothing is sent without credentials");
    }
}
