using System.Net;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Identity;

public sealed class ApiKeyGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly ApiKeyRequest Request = new("ci", [new PermissionGrant("sessions", ["read"])], 600, ["10.0.0.0/8"], null);

    [Fact]
    public async Task Only_the_right_secret_authenticates_and_revocation_by_the_owner_stops_it_at_once_and_for_good()
    {
        Guid owner;
        string key;
        await using (var silo = await IdentitySilo.StartAsync(database))
        {
            owner = await NewUserAsync(silo);
            var created = await silo.Grains.GetGrain<IUserApiKeysGrain>(owner).Create(Request);
            key = created.Key;
            var grain = silo.Grains.GetGrain<IApiKeyGrain>(created.View.Prefix);

            (await grain.Authenticate(HashOf(key)))!.Id.Should().Be(created.View.Id);
            (await grain.Authenticate(HashOf(key[..^1] + (key[^1] == 'A' ? 'B' : 'A')))).Should().BeNull();
            (await grain.Revoke(Guid.NewGuid())).Should().BeFalse();
            (await grain.Authenticate(HashOf(key))).Should().NotBeNull();
            (await silo.Grains.GetGrain<IUserApiKeysGrain>(owner).Revoke(created.View.Id)).Should().BeTrue();
            (await grain.Authenticate(HashOf(key))).Should().BeNull();
        }

        await using var restarted = await IdentitySilo.StartAsync(database);
        ApiKeyFormat.TryParse(key, out var prefix, out _);
        (await restarted.Grains.GetGrain<IApiKeyGrain>(prefix).Authenticate(HashOf(key))).Should().BeNull();
    }

    [Fact]
    public async Task Another_users_keys_are_never_found_listed_or_revoked()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var alice = await NewUserAsync(silo);
        var bob = await NewUserAsync(silo);
        var created = await silo.Grains.GetGrain<IUserApiKeysGrain>(alice).Create(Request);
        var bobsKeys = silo.Grains.GetGrain<IUserApiKeysGrain>(bob);

        (await bobsKeys.Find(created.View.Id)).Should().BeNull();
        (await bobsKeys.List(100, null)).Items.Should().BeEmpty();
        (await bobsKeys.Revoke(created.View.Id)).Should().BeFalse();
        (await silo.Grains.GetGrain<IApiKeyGrain>(created.View.Prefix).Authenticate(HashOf(created.Key))).Should().NotBeNull();
    }

    [Fact]
    public async Task Audit_entries_are_appended_with_their_address_and_details()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var user = await NewUserAsync(silo);

        await silo.Grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(
            AuditActions.ApiKeyCreated, user, null, "api_key", "k1", "2001:db8::7", new Dictionary<string, string> { ["name"] = "ci" }));

        await using var command = database.DataSource.CreateCommand("SELECT action, ip, details ->> 'name' FROM audit_log WHERE actor_user_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().Be("api_key.created");
        reader.GetFieldValue<IPAddress>(1).Should().Be(IPAddress.Parse("2001:db8::7"));
        reader.GetString(2).Should().Be("ci");
    }

    private static byte[] HashOf(string key)
    {
        ApiKeyFormat.TryParse(key, out _, out var secret);
        return ApiKeyFormat.HashSecret(secret);
    }

    private static async Task<Guid> NewUserAsync(IdentitySilo silo)
    {
        var user = await silo.Grains.GetGrain<IUserGrain>(Guid.NewGuid())
            .Create(new NewUser($"{Guid.NewGuid():N}@example.com", $"u{Guid.NewGuid():N}", "pbkdf2-sha256$1$AAAA$AAAA", [UserRoles.User]));
        return user!.Id;
    }
}
