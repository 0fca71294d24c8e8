using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>
/// The baseline: <c>POST /bench/baseline-insert</c> reads the same JSON body and inserts the same
/// <c>sessions</c> row with one Npgsql command, with no authentication, rate limiting, grains,
/// events or analysis. It runs in the silo process, ahead of the API's pipeline.
/// </summary>
internal sealed class BaselineInsertEndpoint : IStartupFilter
{
    public const string Path = "/bench/baseline-insert";

    private const string Insert = """
        INSERT INTO sessions (id, user_id, cue, session_type, status, progress, parameters, metadata, result_count,
                              last_sequence, created_at, updated_at)
        VALUES (@id, @user_id, @cue, @session_type, 'pending', 0, @parameters, @metadata, 0, 1, now(), now())
        """;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(Path, branch => branch.Run(InsertAsync));
        next(app);
    };

    private static async Task InsertAsync(HttpContext context)
    {
        var userId = Guid.Parse(context.Request.Headers["X-Bench-User"].ToString());
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var root = body.RootElement;
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand(Insert);
        var id = Guid.CreateVersion7();
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("user_id", userId);
        command.Parameters.AddWithValue("cue", root.GetProperty("cue").GetString()!);
        command.Parameters.AddWithValue("session_type", root.GetProperty("session_type").GetString()!);
        command.Parameters.AddWithValue("parameters", NpgsqlDbType.Jsonb, root.GetProperty("parameters").GetRawText());
        command.Parameters.AddWithValue("metadata", NpgsqlDbType.Jsonb, root.GetProperty("metadata").GetRawText());
        await command.ExecuteNonQueryAsync();
        context.Response.StatusCode = StatusCodes.Status201Created;
        await context.Response.WriteAsJsonAsync(new { id });
    }
}
