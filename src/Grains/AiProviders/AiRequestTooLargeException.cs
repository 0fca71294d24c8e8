namespace MindPeeker.Grains.AiProviders;

/// <summary>An analysis's request to an AI provider would exceed the provider's request size cap; nothing was sent.</summary>
public sealed class AiRequestTooLargeException : Exception
{
    public AiRequestTooLargeException()
        : this("The request exceeds the AI provider's size limit.")
    {
    }

    public AiRequestTooLargeException(string message)
        : base(message)
    {
    }

    public AiRequestTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
