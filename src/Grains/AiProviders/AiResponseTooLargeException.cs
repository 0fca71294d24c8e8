namespace MindPeeker.Grains.AiProviders;

/// <summary>An AI provider's response body was larger than the provider's response size cap; it was not read further.</summary>
public sealed class AiResponseTooLargeException : Exception
{
    public AiResponseTooLargeException()
        : this("The AI provider's response exceeds the size limit.")
    {
    }

    public AiResponseTooLargeException(string message)
        : base(message)
    {
    }

    public AiResponseTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
