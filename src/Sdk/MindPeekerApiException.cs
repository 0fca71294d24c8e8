using System.Net;

namespace MindPeeker.Sdk;

/// <summary>
/// The API answered an error (after any retries): the HTTP status, the problem+json body when there was one,
/// and for 429/503 the <c>Retry-After</c> the server asked for.
/// </summary>
public sealed class MindPeekerApiException : Exception
{
    public MindPeekerApiException(string message)
        : base(message)
    {
    }

    public MindPeekerApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MindPeekerApiException(HttpStatusCode statusCode, ApiProblem? problem, TimeSpan? retryAfter)
        : base(Describe(statusCode, problem))
    {
        StatusCode = statusCode;
        Problem = problem;
        RetryAfter = retryAfter;
    }

    public MindPeekerApiException()
    {
    }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem+json body; null when the answer had none.</summary>
    public ApiProblem? Problem { get; }

    /// <summary>The server's <c>Retry-After</c> on 429/503 answers.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(HttpStatusCode status, ApiProblem? problem) =>
        $"MindPeeker answered {(int)status} {problem?.Title ?? status.ToString()}: {problem?.Detail ?? "no details"}"
        + (problem?.RequestId is { } id ? $" (request {id})" : string.Empty);
}
