namespace MindPeeker.Grains.Sessions;

/// <summary>A pipeline stage that cannot run right now (no silo can take its analysis) and is tried again after a delay.</summary>
internal sealed class StageDeferredException : Exception
{
    public StageDeferredException()
    {
    }

    public StageDeferredException(string message)
        : base(message)
    {
    }

    public StageDeferredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
