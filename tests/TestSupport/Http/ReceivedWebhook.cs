namespace MindPeeker.TestSupport.Http;

/// <summary>What <c>tests/Scripts/standard-webhooks-receiver.cjs</c> recorded about one POST.</summary>
/// <param name="Id">The <c>webhook-id</c> header.</param>
/// <param name="Type">The body's <c>type</c> field, else the <c>X-MindPeeker-Event</c> header.</param>
/// <param name="Timestamp">The <c>webhook-timestamp</c> header.</param>
/// <param name="Path">The request path and query.</param>
/// <param name="ValidStandard">Whether the npm <c>standardwebhooks</c> package verified it.</param>
/// <param name="ValidLegacy">Whether the <c>X-MindPeeker-Signature</c> hex HMAC matched.</param>
/// <param name="Error">The package's verification error, if any.</param>
public sealed record ReceivedWebhook(string? Id, string? Type, string? Timestamp, string? Path, bool ValidStandard, bool ValidLegacy, string? Error);
