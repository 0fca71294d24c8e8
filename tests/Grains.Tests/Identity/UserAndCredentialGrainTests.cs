using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Identity;
using MindPeeker.TestSupport;
using Npgsql;

namespace MindPeeker.Grains.Tests.Identity;

public sealed class UserAndCredentialGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    [Fact]
    public async Task A_registered_user_verifies_by_email_or_username_in_any_case_and_nothing_else_does()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var credentials = silo.Grains.GetGrain<ICredentialsGrain>(0);
        var user = await credentials.Register(new Registration("Grace@Example.com", "grace", "a long enough password", [UserRoles.User]));

        user.Should().NotBeNull();
        (await credentials.Verify("grace@example.com", "a long enough password")).Should().Be(user!.Id);
        (await credentials.Verify("GRACE", "a long enough password")).Should().Be(user.Id);
        (await credentials.Verify("grace", "a long enough passworD")).Should().BeNull();
        (await credentials.Verify("nobody@example.com", "a long enough password")).Should().BeNull();
    }

    [Fact]
    public async Task A_second_registration_with_the_same_email_in_another_case_is_refused()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var credentials = silo.Grains.GetGrain<ICredentialsGrain>(0);
        (await credentials.Register(new Registration("twin@example.com", "twin_one", "a long enough password", [UserRoles.User]))).Should().NotBeNull();

        var second = await credentials.Register(new Registration("TWIN@example.com", "twin_two", "a long enough password", [UserRoles.User]));

        second.Should().BeNull();
    }

    [Fact]
    public async Task The_user_grain_writes_the_tier_through_so_a_new_silo_reads_it()
    {
        Guid id;
        await using (var first = await IdentitySilo.StartAsync(database))
        {
            var user = await first.Grains.GetGrain<IUserGrain>(Guid.NewGuid())
                .Create(new NewUser("tiered@example.com", "tiered", "pbkdf2-sha256$1$AAAA$AAAA", [UserRoles.User, UserRoles.Admin]));
            id = user!.Id;
            user.Tier.Should().Be(UserTiers.Basic);
            (await first.Grains.GetGrain<IUserGrain>(id).SetTier(UserTiers.Enterprise))!.Tier.Should().Be(UserTiers.Enterprise);
        }

        await using var second = await IdentitySilo.StartAsync(database);
        var reloaded = await second.Grains.GetGrain<IUserGrain>(id).GetProfile();

        reloaded!.Tier.Should().Be(UserTiers.Enterprise);
        reloaded.Roles.Should().Equal(UserRoles.User, UserRoles.Admin);
        (await second.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).GetProfile()).Should().BeNull();
    }

    [Fact]
    public async Task A_hash_with_an_old_iteration_count_is_upgraded_on_the_next_successful_login()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var legacy = PasswordHasher.Hash("an old but good password", new byte[16], 10_000);
        var user = await silo.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).Create(new NewUser("legacy@example.com", "legacy", legacy, [UserRoles.User]));

        (await silo.Grains.GetGrain<ICredentialsGrain>(0).Verify("legacy", "an old but good password")).Should().Be(user!.Id);

        await using var command = database.DataSource.CreateCommand("SELECT password_hash FROM users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = user.Id });
        var stored = (string)(await command.ExecuteScalarAsync())!;
        stored.Split('$')[1].Should().Be("600000");
        PasswordHasher.Verify("an old but good password", stored).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_tier_is_refused()
    {
        await using var silo = await IdentitySilo.StartAsync(database);

        var act = () => silo.Grains.GetGrain<IUserGrain>(Guid.NewGuid()).SetTier("platinum");

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*platinum*");
    }
}
