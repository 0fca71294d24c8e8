using MindPeeker.Grains.Abstractions.Sessions;
using MindPeeker.Runtime;
using Npgsql;

namespace MindPeeker.Grains.Sessions;

/// <summary>Reads sessions, results and events from PostgreSQL for the API's lists (a stateless worker).</summary>
[StatelessWorker]
internal sealed class SessionCatalogGrain(NpgsqlDataSource dataSource) : Grain, ISessionCatalogGrain
{
    public async Task<SessionPage?> List(SessionListQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new System.Text.StringBuilder(SessionCatalogQueries.ListBase);
        command.Parameters.AddWithValue("owner", query.OwnerId);
        if (query.StartingAfter is { } after)
        {
            if (await CursorAsync(connection, query.OwnerId, after) is not { } afterCreatedAt)
            {
                return null;
            }

            sql.Append(SessionCatalogQueries.ListCursorFilter);
            command.Parameters.AddWithValue("after_created_at", afterCreatedAt);
            command.Parameters.AddWithValue("after_id", after);
        }

        if (query.Status is { } status)
        {
            sql.Append(SessionCatalogQueries.ListStatusFilter);
            command.Parameters.AddWithValue("status", status);
        }

        if (query.UpdatedSince is { } since)
        {
            sql.Append(SessionCatalogQueries.ListUpdatedSinceFilter);
            command.Parameters.AddWithValue("updated_since", since.ToUniversalTime());
        }

        sql.Append(SessionCatalogQueries.ListOrder);
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        command.CommandText = sql.ToString();

        var items = new List<SessionSnapshot>(query.Limit + 1);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                items.Add(SessionRows.Session(reader));
            }
        }

        var hasMore = items.Count > query.Limit;
        if (hasMore)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new SessionPage(items, hasMore, hasMore ? items[^1].Id : null);
    }

    public async Task<IReadOnlyList<SessionResult>> Results(Guid sessionId)
    {
        await using var command = dataSource.CreateCommand(SessionCatalogQueries.Results);
        command.Parameters.AddWithValue("session_id", sessionId);
        await using var reader = await command.ExecuteReaderAsync();
        var results = new List<SessionResult>();
        while (await reader.ReadAsync())
        {
            results.Add(SessionRows.Result(reader));
        }

        return results;
    }

    public async Task<IReadOnlyList<SessionUpdate>> Events(Guid sessionId, long startingAfter, int limit)
    {
        await using var command = dataSource.CreateCommand(SessionCatalogQueries.Events);
        command.Parameters.AddWithValue("session_id", sessionId);
        command.Parameters.AddWithValue("after", startingAfter);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        var updates = new List<SessionUpdate>();
        while (await reader.ReadAsync())
        {
            updates.Add(SessionRows.Update(sessionId, reader));
        }

        return updates;
    }

    private static async Task<DateTimeOffset?> CursorAsync(NpgsqlConnection connection, Guid owner, Guid id)
    {
        await using var command = new NpgsqlCommand(SessionCatalogQueries.Cursor, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteScalarAsync() is DateTime createdAt ? new DateTimeOffset(createdAt, TimeSpan.Zero) : null;
    }
}
