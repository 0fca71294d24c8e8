using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.TestSupport;

namespace MindPeeker.Grains.Tests.Identity;

public sealed class RefreshTokenFamilyGrainTests(PostgreSqlTestDatabase database) : IClassFixture<PostgreSqlTestDatabase>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    [Fact]
    public async Task Two_racing_uses_of_one_token_rotate_once_and_the_second_revokes_the_family()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var (family, token) = await StartFamilyAsync(silo);

        var outcomes = await Task.WhenAll(family.Rotate(token, Lifetime), family.Rotate(token, Lifetime));

        outcomes.Select(o => o.Status).Should().BeEquivalentTo([RefreshStatus.Rotated, RefreshStatus.ReuseDetected]);
        var winner = outcomes.Single(o => o.Status == RefreshStatus.Rotated).Token!;
        (await family.Rotate(winner, Lifetime)).Status.Should().Be(RefreshStatus.Invalid);
    }

    [Fact]
    public async Task A_token_expires_after_its_lifetime_on_the_silo_clock()
    {
        var time = new FakeTimeProvider();
        await using var silo = await IdentitySilo.StartAsync(database, time);
        var (family, token) = await StartFamilyAsync(silo, TimeSpan.FromHours(1));

        time.Advance(TimeSpan.FromHours(1));

        (await family.Rotate(token, Lifetime)).Status.Should().Be(RefreshStatus.Invalid);
    }

    [Fact]
    public async Task Revoke_needs_a_token_of_the_family()
    {
        await using var silo = await IdentitySilo.StartAsync(database);
        var (family, token) = await StartFamilyAsync(silo);
        var (_, stranger) = await StartFamilyAsync(silo);

        (await family.Revoke(stranger)).Should().BeFalse();
        (await family.Rotate(token, Lifetime)).Status.Should().Be(RefreshStatus.Rotated);
        (await family.Revoke(token)).Should().BeTrue();
    }

    private static async Task<(IRefreshTokenFamilyGrain Family, string Token)> StartFamilyAsync(IdentitySilo silo, TimeSpan? lifetime = null)
    {
        var user = await silo.Grains.GetGrain<IUserGrain>(Guid.NewGuid())
            .Create(new NewUser($"{Guid.NewGuid():N}@example.com", $"u{Guid.NewGuid():N}", "pbkdf2-sha256$1$AAAA$AAAA", [UserRoles.User]));
        var family = silo.Grains.GetGrain<IRefreshTokenFamilyGrain>(Guid.NewGuid());
        return (family, await family.Start(user!.Id, lifetime ?? Lifetime));
    }
}
