using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Dashboard.Domain;

/// <summary>An administrator and an ordinary user, rate limiting on (registrations allowed in bulk).</summary>
public sealed class RateLimitedDashboardFixture() : AdminAndUserFixture(new Dictionary<string, string?>
{
    ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
    ["RateLimiting:Anonymous:PermitLimit"] = "1000",
    ["Dashboard:Data:DatabaseStatsMaxAge"] = "00:00:00",
});
