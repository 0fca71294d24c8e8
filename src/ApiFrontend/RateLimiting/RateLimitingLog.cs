using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.RateLimiting;

internal static partial class RateLimitingLog
{
    [LoggerMessage(7001, LogLevel.Debug, "Rate limit {Policy} refused {Method} {Path} for bucket {BucketKey}; retry after {RetryAfterSeconds} s")]
    public static partial void Refused(ILogger logger, string policy, string method, string path, string bucketKey, long retryAfterSeconds);

    [LoggerMessage(7002, LogLevel.Warning, "Rate-limit bucket {BucketKey} could not answer; {Method} {Path} is admitted without a limit")]
    public static partial void BucketUnavailable(ILogger logger, Exception exception, string bucketKey, string method, string path);
}
