using Microsoft.AspNetCore.Builder;
using MindPeeker.ApiFrontend.Cluster;

namespace MindPeeker.ApiFrontend;

/// <summary>
/// The standalone front end: a cluster client that finds gateway silos in the membership table
/// (<c>ConnectionStrings:MindPeeker</c>, <c>Cluster:ClusterId</c>) and serves the REST API, SignalR and health.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddClusterClientFrontend();
        builder.Services.AddApiFrontend(builder.Configuration);

        var app = builder.Build();
        app.UseApiFrontend();
        app.MapApiFrontend();
        app.Run();
    }
}
