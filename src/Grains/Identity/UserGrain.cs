using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>One user's profile, roles and tier, read from <c>users</c> on activation and written through.</summary>
internal sealed class UserGrain(NpgsqlDataSource db, TimeProvider time) : Grain, IUserGrain
{
    private UserProfile? _profile;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _profile = await UserTable.LoadAsync(db, this.GetPrimaryKey());

    public Task<UserProfile?> GetProfile() => Task.FromResult(_profile);

    public async Task<UserProfile?> Create(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (_profile is not null)
        {
            return null;
        }

        _profile = await UserTable.InsertAsync(db, this.GetPrimaryKey(), user, time.GetUtcNow());
        return _profile;
    }

    public async Task<UserProfile?> SetTier(string tier)
    {
        if (!UserTiers.All.Contains(tier))
        {
            throw new ArgumentException($"Unknown tier '{tier}'.", nameof(tier));
        }

        if (_profile is null)
        {
            return null;
        }

        _profile = await UserTable.UpdateTierAsync(db, _profile.Id, tier, time.GetUtcNow());
        return _profile;
    }
}
