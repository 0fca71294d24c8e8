using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.Admin;

/// <summary>
/// An administrator and an ordinary user (loopback webhook targets allowed, as in development; rate limits raised so
/// many registrations fit). Tests register further users of their own so their audit entries can be told apart.
/// </summary>
public sealed class AuditApiFixture() : AdminAndUserFixture(new Dictionary<string, string?>
{
    ["Outbound:AllowLoopbackTargets"] = "true",
    ["RateLimiting:AuthAttempts:PermitLimit"] = "1000",
    ["RateLimiting:Default:Basic"] = "100000",
});
