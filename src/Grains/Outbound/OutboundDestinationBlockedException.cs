namespace MindPeeker.Grains.Outbound;

/// <summary>
/// Thrown by the outbound connection code when a request's destination is refused by
/// <see cref="OutboundAddressPolicy"/> (or does not resolve). <see cref="HttpClient"/> surfaces it as the
/// <see cref="Exception.InnerException"/> of an <see cref="HttpRequestException"/>; use <see cref="Find"/>.
/// The message names the host and address, never credentials.
/// </summary>
public sealed class OutboundDestinationBlockedException : IOException
{
    public OutboundDestinationBlockedException(string message)
        : base(message)
    {
    }

    public OutboundDestinationBlockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OutboundDestinationBlockedException()
    {
    }

    /// <summary>The refusal inside <paramref name="exception"/> or its inner exceptions, or null when there is none.</summary>
    public static OutboundDestinationBlockedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is OutboundDestinationBlockedException blocked)
            {
                return blocked;
            }
        }

        return null;
    }
}
