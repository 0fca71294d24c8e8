namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Endpoint metadata: the endpoint honors an <c>Idempotency-Key</c> header (added by
/// <c>WithIdempotencyKey</c>), so the document lists the header and its 409/422 answers.
/// </summary>
internal sealed class IdempotencyKeyMetadata
{
    public static IdempotencyKeyMetadata Instance { get; } = new();

    private IdempotencyKeyMetadata()
    {
    }
}
