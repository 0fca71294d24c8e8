namespace MindPeeker.Grains.Outbound;

/// <summary>The verdict of <see cref="OutboundUrlValidator.ValidateAsync"/>: the parsed URL, or why it is refused.</summary>
/// <param name="Url">The absolute URL when allowed; null when refused.</param>
/// <param name="Reason">A sentence fit for a 400 problem <c>detail</c> when refused; null when allowed.</param>
public sealed record OutboundUrlCheck(Uri? Url, string? Reason)
{
    public bool IsAllowed => Url is not null;

    public static OutboundUrlCheck Allowed(Uri url) => new(url, null);

    public static OutboundUrlCheck Refused(string reason) => new(null, reason);
}
