using Microsoft.Extensions.Logging;

namespace MindPeeker.ApiFrontend.Http.Idempotency;

/// <summary>Log messages of <c>Idempotency-Key</c> handling (event ids 5201–5299).</summary>
internal static partial class IdempotencyLog
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "Replayed the answer {StatusCode} stored for an Idempotency-Key on {Method} {Path}.")]
    public static partial void Replayed(ILogger logger, int statusCode, string method, string path);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Refused an Idempotency-Key on {Method} {Path}: {Outcome}.")]
    public static partial void Refused(ILogger logger, string method, string path, string outcome);
}
