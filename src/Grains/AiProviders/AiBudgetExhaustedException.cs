namespace MindPeeker.Grains.AiProviders;

/// <summary>An AI provider's request or token budget had no room for a request within the time it may wait.</summary>
public sealed class AiBudgetExhaustedException : Exception
{
    public AiBudgetExhaustedException()
        : this("The AI provider's budget is exhausted.")
    {
    }

    public AiBudgetExhaustedException(string message)
        : base(message)
    {
    }

    public AiBudgetExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
