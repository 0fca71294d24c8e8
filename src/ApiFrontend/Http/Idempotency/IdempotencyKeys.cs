using Microsoft.AspNetCore.Http;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Http.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header (API.md, "Conventions") and whose key it is.</summary>
internal static class IdempotencyKeys
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>Set on a response replayed from an earlier request with the same key.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxLength = 255;

    private static readonly object ResourceIdItem = new();

    /// <summary>Why <paramref name="key"/> is unusable, or null: 1–255 printable ASCII characters.</summary>
    public static string? Problem(string key) =>
        key.Length is 0 or > MaxLength || key.Any(c => c is < ' ' or > '~')
            ? $"{HeaderName} must be 1 to {MaxLength} printable ASCII characters."
            : null;

    /// <summary>Keys are scoped per user (whether the request came with a token or an API key), else per client address.</summary>
    public static string Owner(HttpContext context) =>
        context.User.FindFirst(MindPeekerClaims.Subject)?.Value is { Length: > 0 } userId
            ? "user:" + userId
            : "ip:" + ClientAddress.Of(context);

    /// <summary>
    /// The id the request being handled under an <c>Idempotency-Key</c> should give what it creates: the same for
    /// every attempt of that request, so a retry after an attempt that failed midway finds what the first one created
    /// instead of creating a second one. Null without a key.
    /// </summary>
    public static Guid? ResourceId(HttpContext context) =>
        context.Items.TryGetValue(ResourceIdItem, out var id) && id is Guid guid && guid != Guid.Empty ? guid : null;

    internal static void SetResourceId(HttpContext context, Guid resourceId) => context.Items[ResourceIdItem] = resourceId;
}
