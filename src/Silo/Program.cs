using MindPeeker.ApiFrontend;
using MindPeeker.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.AddMindPeekerSilo();
builder.Services.AddApiFrontend(builder.Configuration);

var app = builder.Build();
app.UseApiFrontend();
app.MapApiFrontend();
app.Run();

namespace MindPeeker.Silo
{
    /// <summary>The silo process; public so functional tests can host it with WebApplicationFactory.</summary>
    public sealed class Program;
}
