namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// No model of an AI provider's fallback chain produced a valid answer. The message names the provider and, for each
/// model, what went wrong (rate limited, circuit open, timed out, HTTP status, malformed output), so a failed
/// session says what failed.
/// </summary>
public sealed class AiProviderUnavailableException : Exception
{
    public AiProviderUnavailableException()
        : this("No AI provider model could answer.")
    {
    }

    public AiProviderUnavailableException(string message)
        : base(message)
    {
    }

    public AiProviderUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
