using MindPeeker.Grains.Abstractions.RateLimiting;

namespace MindPeeker.ApiFrontend.RateLimiting;

/// <summary>One bucket a request is charged to: the policy's name (as headers show it), the grain key and the rule.</summary>
internal sealed record BucketCheck(string Policy, string Key, RateLimitRule Rule);
