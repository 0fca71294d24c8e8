using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Outbound;

/// <summary>Refuses start-up with timeouts or lifetimes that are not positive and bounded.</summary>
internal sealed class OutboundHttpOptionsValidator : IValidateOptions<OutboundHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundHttpOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.RequestTimeout), options.RequestTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10));
        Check(failures, nameof(options.ConnectTimeout), options.ConnectTimeout, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(2));
        Check(failures, nameof(options.PooledConnectionLifetime), options.PooledConnectionLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        if (options.MaxResponseHeadersKiB is < 1 or > 1024)
        {
            failures.Add($"{OutboundHttpOptions.Section}:MaxResponseHeadersKiB must be between 1 and 1024.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string name, TimeSpan value, TimeSpan minimum, TimeSpan maximum)
    {
        if (value < minimum || value > maximum)
        {
            failures.Add($"{OutboundHttpOptions.Section}:{name} must be between {minimum} and {maximum}.");
        }
    }
}
