using System.Globalization;
using Microsoft.AspNetCore.Http;
using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>
/// The rate-limit response headers of one request (API.md, "Rate limits"), formatted when the decision is made
/// and applied when the response starts (so they survive handlers that clear the headers). <c>RateLimit-Policy</c>
/// and <c>RateLimit</c> follow the IETF httpapi draft (<c>"default";q=100;w=60</c>, <c>"default";r=42;t=17</c>) and
/// list every policy the request was charged to; the legacy <c>X-RateLimit-*</c> headers describe the binding
/// one (the refusing policy, else the one with the fewest requests left).
/// </summary>
internal sealed record RateLimitHeaders(string Policy, string RateLimit, string Limit, string Remaining, string Reset)
{
    /// <summary>Headers for the <paramref name="decisions"/> made so far (a null entry was not evaluated).</summary>
    public static RateLimitHeaders From(BucketCheck[] checks, RateLimitDecision?[] decisions, DateTimeOffset now)
    {
        var policy = new List<string>(checks.Length);
        var rateLimit = new List<string>(checks.Length);
        RateLimitDecision? binding = null;
        for (var i = 0; i < checks.Length; i++)
        {
            if (decisions[i] is not { } decision)
            {
                continue;
            }

            policy.Add(string.Create(CultureInfo.InvariantCulture, $"\"{checks[i].Policy}\";q={decision.Limit};w={Seconds(checks[i].Rule.Window)}"));
            rateLimit.Add(string.Create(CultureInfo.InvariantCulture, $"\"{checks[i].Policy}\";r={decision.Remaining};t={Seconds(decision.ResetAt - now)}"));
            if (binding is null || !decision.Admitted || (binding.Admitted && decision.Remaining < binding.Remaining))
            {
                binding = decision;
            }
        }

        var legacy = binding ?? throw new ArgumentException("At least one decision is needed.", nameof(decisions));
        return new RateLimitHeaders(
            string.Join(", ", policy),
            string.Join(", ", rateLimit),
            legacy.Limit.ToString(CultureInfo.InvariantCulture),
            legacy.Remaining.ToString(CultureInfo.InvariantCulture),
            Iso8601(legacy.ResetAt));
    }

    /// <summary>Whole seconds, rounded up, never negative: clients must not come back early.</summary>
    public static long Seconds(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (span.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;

    public void ApplyTo(IHeaderDictionary headers)
    {
        headers[RateLimitingConstants.PolicyHeader] = Policy;
        headers[RateLimitingConstants.RateLimitHeader] = RateLimit;
        headers[RateLimitingConstants.LegacyLimitHeader] = Limit;
        headers[RateLimitingConstants.LegacyRemainingHeader] = Remaining;
        headers[RateLimitingConstants.LegacyResetHeader] = Reset;
    }

    private static string Iso8601(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var roundedUp = new DateTime(ticks + ((TimeSpan.TicksPerSecond - (ticks % TimeSpan.TicksPerSecond)) % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        return roundedUp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
