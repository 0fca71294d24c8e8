namespace MindPeeker.Grains.Abstractions.Resilience;

/// <summary>
/// A call to an external dependency was refused without being attempted, because the dependency's circuit
/// breaker is open (or isolated by an administrator), or half-open with its one trial call already in flight.
/// <see cref="RetryAfter"/> says when the breaker next lets a call through; callers answer 503 with
/// <c>Retry-After</c>, fall back, or schedule a retry.
/// </summary>
public sealed class CircuitOpenException : Exception
{
    public CircuitOpenException()
        : this("The circuit breaker is open.")
    {
    }

    /// <summary>Used when the exception crosses a grain call: only the message survives the wire.</summary>
    public CircuitOpenException(string message)
        : base(message)
    {
        Dependency = string.Empty;
    }

    public CircuitOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
        Dependency = string.Empty;
    }

    public CircuitOpenException(string dependency, TimeSpan retryAfter)
        : base($"The circuit breaker of '{dependency}' is open; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.")
    {
        Dependency = dependency;
        RetryAfter = retryAfter;
    }

    private CircuitOpenException(string message, string dependency, TimeSpan retryAfter)
        : base(message)
    {
        Dependency = dependency;
        RetryAfter = retryAfter;
    }

    /// <summary>Refused because an administrator isolated the breaker: no call goes through until it is reset.</summary>
    public static CircuitOpenException IsolatedBreaker(string dependency) =>
        new($"The circuit breaker of '{dependency}' is isolated by an administrator; calls are refused until it is reset.", dependency, TimeSpan.Zero);

    /// <summary>The guarded dependency, for example <c>webhook:{endpointId}</c> or <c>ai:{provider}:{model}</c>.</summary>
    public string Dependency { get; }

    /// <summary>How long until the breaker lets a trial call through (zero when unknown).</summary>
    public TimeSpan RetryAfter { get; }
}
