namespace MindPeeker.Grains.Analysis;

/// <summary>
/// The batched inference a request was part of failed. Every request of that batch gets this error (the same
/// message, the cause as <see cref="Exception.InnerException"/>); requests in other batches are unaffected.
/// </summary>
public sealed class InferenceBatchException : Exception
{
    public InferenceBatchException()
    {
    }

    public InferenceBatchException(string message)
        : base(message)
    {
    }

    public InferenceBatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
