using MindPeeker.ApiFrontend;
using MindPeeker.Grains.DataLifecycle;
using MindPeeker.Silo;
using MindPeeker.Silo.Health;

if (BackupCommandLine.Matches(args))
{
    return await BackupCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(SiloCommandLine.Normalize(args));
builder.AddMindPeekerSilo();
var hostsFrontend = builder.Configuration.GetValue(SiloCommandLine.HostApiFrontendKey, defaultValue: true);
if (hostsFrontend)
{
    builder.Services.AddApiFrontend(builder.Configuration);
}
else
{
    builder.Services.AddSiloHealthEndpointsOnly();
}

var app = builder.Build();
if (hostsFrontend)
{
    app.UseApiFrontend();
    app.MapApiFrontend();
}
else
{
    app.MapSiloHealthEndpoints();
}

app.Run();
return 0;

namespace MindPeeker.Silo
{
    /// <summary>The silo process; public so functional tests can host it with WebApplicationFactory.</summary>
    public sealed class Program;
}
