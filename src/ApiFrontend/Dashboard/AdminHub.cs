using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Dashboard;

/// <summary>
/// The admin dashboard's SignalR hub at <c>/v1/admin/ws</c> (admins only: <c>admin:read</c>). Each connection joins
/// <see cref="Group"/>; while any is connected the front end collects every <c>Dashboard:CollectionInterval</c>
/// and pushes <c>dashboard_snapshot</c> (<c>{overview, grains}</c>) and one <c>dashboard_{name}</c> per
/// <see cref="IDashboardSnapshotContributor"/>. Partial: other dashboard features add hub methods in their own files.
/// </summary>
internal sealed partial class AdminHub(AdminConnections connections, ILogger<AdminHub> logger) : Hub
{
    /// <summary>The SignalR group of every admin connection.</summary>
    public const string Group = "dashboard-admins";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group);
        connections.Add(Context.ConnectionId);
        DashboardLog.AdminConnected(logger, Context.ConnectionId, connections.Count);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        DashboardLog.AdminDisconnected(logger, Context.ConnectionId, connections.Count);
        await base.OnDisconnectedAsync(exception);
    }
}
