namespace MindPeeker.Grains.Outbound;

/// <summary>
/// Checks a user-supplied URL when it is registered (webhook endpoint, integration base URL): absolute http or
/// https, a host, no user info, and every address the host resolves to allowed by
/// <see cref="OutboundAddressPolicy"/>. Odd IPv4 spellings (<c>2130706433</c>, <c>0x7f.1</c>, <c>0177.0.0.1</c>)
/// are read the way <see cref="Uri"/> and the HTTP stack read them. Passing here is not enough on its own: the
/// address is checked again at every connection by <see cref="OutboundHttpClientFactory"/>. Thread safe.
/// </summary>
public sealed class OutboundUrlValidator(OutboundHostResolver resolver, OutboundAddressPolicy policy)
{
    private readonly OutboundConnector _connector = new(resolver, policy);

    /// <summary>Longest URL accepted, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The verdict on <paramref name="url"/>; resolves the host (network I/O).</summary>
    public async Task<OutboundUrlCheck> ValidateAsync(string? url, CancellationToken cancellationToken)
    {
        if (!TryParse(url, out var uri, out var reason))
        {
            return OutboundUrlCheck.Refused(reason);
        }

        try
        {
            await _connector.ResolveCheckedAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (OutboundDestinationBlockedException e)
        {
            return OutboundUrlCheck.Refused(e.Message);
        }

        return OutboundUrlCheck.Allowed(uri);
    }

    /// <summary>The syntax checks alone (no resolution): scheme, absoluteness, host, user info, length.</summary>
    public static bool TryParse(
        string? url,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            reason = "The URL is empty.";
            return false;
        }

        if (url.Length > MaxUrlLength)
        {
            reason = $"The URL is longer than {MaxUrlLength} characters.";
            return false;
        }

        // On Unix, Uri reads "/path" as an absolute file URI; a path alone is still not a URL of a destination.
        var trimmed = url.Trim();
        if (trimmed[0] is '/' or '\\' || !Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed))
        {
            reason = "The URL is not an absolute URL.";
            return false;
        }

        if (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp)
        {
            reason = $"The URL scheme '{parsed.Scheme}' is not allowed; use https (or http).";
            return false;
        }

        if (parsed.UserInfo.Length > 0)
        {
            reason = "The URL must not contain user info (credentials before '@').";
            return false;
        }

        if (parsed.IdnHost.Length == 0)
        {
            reason = "The URL has no host.";
            return false;
        }

        uri = parsed;
        reason = null;
        return true;
    }
}
