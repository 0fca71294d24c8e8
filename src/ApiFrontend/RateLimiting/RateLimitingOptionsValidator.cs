using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>Fails start-up, naming the setting, when a configured policy could not be enforced.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var failures = new List<string>();
        Check(failures, nameof(options.Anonymous), options.Anonymous?.ToRule());
        Check(failures, nameof(options.SessionCreation), options.SessionCreation?.ToRule());
        Check(failures, nameof(options.AuthAttempts), options.AuthAttempts?.ToRule());
        if (options.Default is not { } defaults)
        {
            failures.Add($"{RateLimitingOptions.SectionName}:{nameof(options.Default)} is missing.");
        }
        else
        {
            Check(failures, $"{nameof(options.Default)}:{nameof(defaults.Basic)}", defaults.ToRule(defaults.Basic));
            Check(failures, $"{nameof(options.Default)}:{nameof(defaults.Professional)}", defaults.ToRule(defaults.Professional));
            Check(failures, $"{nameof(options.Default)}:{nameof(defaults.Enterprise)}", defaults.ToRule(defaults.Enterprise));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, RateLimitRule? rule)
    {
        var problem = rule is null ? "the policy is missing." : rule.Problem();
        if (problem is not null)
        {
            failures.Add($"{RateLimitingOptions.SectionName}:{setting}: {problem}");
        }
    }
}
