using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Dashboard;

/// <summary>An administrator and an ordinary user, with the dashboard collecting every 200 ms.</summary>
public sealed class DashboardApiFixture() : AdminAndUserFixture(
    new Dictionary<string, string?>
    {
        ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
        ["RateLimiting:Default:Basic"] = "100000",
        ["Dashboard:CollectionInterval"] = "00:00:00.200",
    },
    userName: "dashuser");
