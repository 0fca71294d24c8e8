using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Resilience;

/// <summary>Checks the defaults and every override of <see cref="CircuitBreakerOptions"/>, naming the bad setting.</summary>
internal sealed class CircuitBreakerOptionsValidator : IValidateOptions<CircuitBreakerOptions>
{
    private static readonly TimeSpan MinWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, CircuitBreakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, CircuitBreakerOptions.SectionName, options.FailureRatio, options.MinimumThroughput, options.SamplingDuration, options.BreakDuration, options.SuccessThreshold);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var entry = options.Overrides[i];
            var path = $"{CircuitBreakerOptions.SectionName}:Overrides:{i}";
            if (string.IsNullOrEmpty(entry.Prefix))
            {
                failures.Add($"{path}:Prefix must name a dependency prefix such as 'ai:' or 'webhook:'.");
            }
            else if (!prefixes.Add(entry.Prefix))
            {
                failures.Add($"{path}:Prefix '{entry.Prefix}' is listed twice.");
            }

            Check(failures, path, entry.FailureRatio, entry.MinimumThroughput, entry.SamplingDuration, entry.BreakDuration, entry.SuccessThreshold);
        }

        Range(failures, "ReportInterval", options.ReportInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
        Range(failures, "SubscriptionRenewal", options.SubscriptionRenewal, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        if (options.SubscriptionExpiry <= options.SubscriptionRenewal)
        {
            failures.Add($"{CircuitBreakerOptions.SectionName}:SubscriptionExpiry must be longer than SubscriptionRenewal.");
        }

        Range(failures, "IdleTimeout", options.IdleTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, double? ratio, int? throughput, TimeSpan? sampling, TimeSpan? breakDuration, int? successes)
    {
        if (ratio is { } r && !(r > 0 && r <= 1))
        {
            failures.Add($"{path}:FailureRatio must be above 0 and at most 1.");
        }

        if (throughput is < 2)
        {
            failures.Add($"{path}:MinimumThroughput must be at least 2.");
        }

        if (sampling is { } s && (s < MinWindow || s > MaxWindow))
        {
            failures.Add($"{path}:SamplingDuration must be from 0.5 seconds to 1 day.");
        }

        if (breakDuration is { } b && (b < MinWindow || b > MaxWindow))
        {
            failures.Add($"{path}:BreakDuration must be from 0.5 seconds to 1 day.");
        }

        if (successes is < 1 or > 100)
        {
            failures.Add($"{path}:SuccessThreshold must be from 1 to 100.");
        }
    }

    private static void Range(List<string> failures, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{CircuitBreakerOptions.SectionName}:{setting} must be from {min} to {max}.");
        }
    }
}
