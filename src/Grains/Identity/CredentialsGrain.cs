using MindPeeker.Grains.Abstractions.Identity;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Identity;

/// <summary>Hashes and checks passwords off the user grains, on as many workers as there are cores.</summary>
[StatelessWorker]
internal sealed class CredentialsGrain(NpgsqlDataSource db) : Grain, ICredentialsGrain
{
    public Task<UserProfile?> Register(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var user = new NewUser(registration.Email, registration.Username, PasswordHasher.Hash(registration.Password), registration.Roles);
        return GrainFactory.GetGrain<IUserGrain>(Guid.NewGuid()).Create(user);
    }

    public async Task<Guid?> Verify(string login, string password)
    {
        var found = await UserTable.FindCredentialsAsync(db, login);
        if (found is not { } user)
        {
            PasswordHasher.VerifyDecoy(password);
            return null;
        }

        if (!PasswordHasher.Verify(password, user.PasswordHash))
        {
            return null;
        }

        if (PasswordHasher.NeedsRehash(user.PasswordHash))
        {
            await UserTable.UpdatePasswordHashAsync(db, user.Id, PasswordHasher.Hash(password));
        }

        return user.Id;
    }
}
