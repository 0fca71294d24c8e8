using Microsoft.Extensions.Options;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>Refuses start-up with settings that would weaken tokens or break the contract.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Identity:Issuer and Identity:Audience are required.");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.AccessTokenLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("Identity:AccessTokenLifetime must be between 0 and 1 hour.");
        }

        if (options.RefreshTokenLifetime <= options.AccessTokenLifetime)
        {
            failures.Add("Identity:RefreshTokenLifetime must be longer than the access-token lifetime.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add("Identity:ClockSkew must be between 0 and 5 minutes.");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Identity:MaxRequestBodyBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
