using MindPeeker.Grains.Abstractions.Identity;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Grains.Identity;

/// <summary>SQL over <c>users</c> (migrations 0001 and 0002).</summary>
internal static class UserTable
{
    private const string Columns = "id, email, username, tier, roles, created_at, updated_at";

    public static async Task<UserProfile?> LoadAsync(NpgsqlDataSource db, Guid id)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM users WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Inserts; <see langword="null"/> when the email or username is taken (any unique index).</summary>
    public static async Task<UserProfile?> InsertAsync(NpgsqlDataSource db, Guid id, NewUser user, DateTimeOffset now)
    {
        await using var command = db.CreateCommand(
            "INSERT INTO users (id, email, username, password_hash, roles, created_at, updated_at) "
            + $"VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT DO NOTHING RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user.Email });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user.Username });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = user.PasswordHash });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. user.Roles], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    public static async Task<UserProfile?> UpdateTierAsync(NpgsqlDataSource db, Guid id, string tier, DateTimeOffset now)
    {
        await using var command = db.CreateCommand($"UPDATE users SET tier = $2, updated_at = $3 WHERE id = $1 RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = tier });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>The id and password hash of the user whose email or username is <paramref name="login"/>.</summary>
    public static async Task<(Guid Id, string PasswordHash)?> FindCredentialsAsync(NpgsqlDataSource db, string login)
    {
        await using var command = db.CreateCommand(
            "SELECT id, password_hash FROM users WHERE lower(email) = lower($1) UNION ALL "
            + "SELECT id, password_hash FROM users WHERE lower(username) = lower($1) LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = login });
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(0), reader.GetString(1)) : null;
    }

    public static async Task UpdatePasswordHashAsync(NpgsqlDataSource db, Guid id, string passwordHash)
    {
        await using var command = db.CreateCommand("UPDATE users SET password_hash = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = passwordHash });
        await command.ExecuteNonQueryAsync();
    }

    private static UserProfile Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<string[]>(4),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
