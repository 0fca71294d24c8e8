namespace MindPeeker.Sdk.Webhooks;

/// <summary>A webhook delivery failed verification: answer it with 400 and do not act on it.</summary>
public sealed class WebhookVerificationException : Exception
{
    public WebhookVerificationException()
    {
    }

    public WebhookVerificationException(string message)
        : base(message)
    {
    }

    public WebhookVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
