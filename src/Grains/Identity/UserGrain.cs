using Microsoft.Extensions.Logging;
using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Grains.Abstractions.Webhooks;
using MindPeeker.Grains.Webhooks;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>One user's profile, roles and tier, read from <c>users</c> on activation and written through.</summary>
internal sealed class UserGrain(NpgsqlDataSource db, TimeProvider time, ILogger<UserGrain> logger) : Grain, IUserGrain
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
        await PublishWebhookAsync(WebhookEventTypes.UserCreated, _profile);
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
        await PublishWebhookAsync(WebhookEventTypes.UserUpdated, _profile);
        return _profile;
    }

    public Task Forget()
    {
        _profile = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Publishes a user event after its change was committed; a failed publish is logged, not thrown (the change stands).</summary>
    private async Task PublishWebhookAsync(string type, UserProfile? profile)
    {
        if (profile is null)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IWebhookPublisherGrain>(profile.Id).Publish(
                WebhookEvent.Of(type, new { user_id = profile.Id, username = profile.Username, tier = profile.Tier, roles = profile.Roles }));
        }
        catch (Exception exception)
        {
            WebhooksLog.UserEventPublishFailed(logger, exception, profile.Id, type);
        }
    }
}
