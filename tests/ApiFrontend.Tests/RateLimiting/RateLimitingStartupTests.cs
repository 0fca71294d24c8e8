using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.Tests.Infrastructure;

namespace MindPeeker.ApiFrontend.Tests.RateLimiting;

public sealed class RateLimitingStartupTests
{
    [Theory]
    [InlineData("RateLimiting:Default:Basic", "0", "RateLimiting:Default:Basic: PermitLimit must be between 1 and 1000000")]
    [InlineData("RateLimiting:AuthAttempts:Window", "00:00:00.5", "RateLimiting:AuthAttempts: Window must be between 1 second")]
    [InlineData("RateLimiting:Anonymous:SegmentsPerWindow", "7", "RateLimiting:Anonymous: Window 00:01:00 does not divide into 7 equal segments")]
    public void A_policy_that_cannot_be_enforced_stops_start_up_and_names_the_setting(string setting, string value, string message)
    {
        using var factory = new ApiFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=unused", new Dictionary<string, string?> { [setting] = value });

        var start = () => factory.CreateClient();

        start.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }
}
