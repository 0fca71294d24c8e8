using System.Text.Json;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.Dashboard;
using MindPeeker.Runtime.Management;
using Npgsql;

namespace MindPeeker.Grains.Dashboard.Sessions;

/// <summary>
/// Silo control handler <c>dashboard.sessions</c>, argument <c>{"minutes": n}</c> (1–60, default 60): the
/// <see cref="SessionStats"/> of the last <c>n</c> minutes from PostgreSQL, reused for
/// <see cref="DashboardDataOptions.DatabaseStatsMaxAge"/>. Every silo answers the same; callers use one answer.
/// </summary>
internal sealed class SessionStatsHandler : ISiloControlHandler
{
    public const string HandlerName = "dashboard.sessions";

    private readonly CachedQuery<int, SessionStats> _stats;

    public SessionStatsHandler(NpgsqlDataSource db, TimeProvider time, IOptions<DashboardDataOptions> options) =>
        _stats = new(time, options.Value.DatabaseStatsMaxAge, (minutes, ct) => SessionDashboardQueries.ReadAsync(db, time.GetUtcNow(), minutes, ct));

    public string Name => HandlerName;

    public async ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken) =>
        DashboardJson.Serialize(await _stats.GetAsync(DashboardJson.Int(argument, "minutes", 60, 1, 60), cancellationToken));
}
