using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// Decides which buckets a request is charged to, from the current <see cref="RateLimitingOptions"/> (rebuilt
/// when the configuration changes). Thread-safe.
/// </summary>
internal sealed class RateLimitPolicies : IDisposable
{
    private readonly IDisposable? _subscription;
    private volatile RateLimitRules _rules;

    public RateLimitPolicies(IOptionsMonitor<RateLimitingOptions> options)
    {
        _rules = RateLimitRules.From(options.CurrentValue);
        _subscription = options.OnChange(changed => _rules = RateLimitRules.From(changed));
    }

    /// <summary>Whether <paramref name="request"/> is rate limited at all.</summary>
    public bool Applies(HttpRequest request) => _rules.Enabled && request.Path.StartsWithSegments(RateLimitingConstants.LimitedPathPrefix);

    /// <summary>The default policy's bucket first, then the endpoint class's, if any.</summary>
    public BucketCheck[] ChecksFor(HttpContext context)
    {
        var rules = _rules;
        var principal = RequestPrincipal.Of(context);
        var defaultCheck = new BucketCheck(
            RateLimitingConstants.DefaultPolicy,
            RateLimitBucketKey.Format(RateLimitingConstants.DefaultPolicy, principal.Kind, principal.Id),
            principal.IsAnonymous ? rules.Anonymous : rules.DefaultFor(principal.Tier, principal.KeyLimitPerMinute));

        return EndpointClasses.Match(context.Request) switch
        {
            RateLimitingConstants.SessionCreationPolicy => [defaultCheck, new BucketCheck(
                RateLimitingConstants.SessionCreationPolicy,
                RateLimitBucketKey.Format(RateLimitingConstants.SessionCreationPolicy, principal.Kind, principal.Id),
                rules.SessionCreation)],
            RateLimitingConstants.AuthAttemptsPolicy => [defaultCheck, new BucketCheck(
                RateLimitingConstants.AuthAttemptsPolicy,
                RateLimitBucketKey.Format(RateLimitingConstants.AuthAttemptsPolicy, RateLimitBucketKey.ClientIp, RequestPrincipal.ClientIp(context)),
                rules.AuthAttempts)],
            _ => [defaultCheck],
        };
    }

    public void Dispose() => _subscription?.Dispose();
}
