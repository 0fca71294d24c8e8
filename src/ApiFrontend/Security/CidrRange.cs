using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MindPeeker.ApiFrontend.Security;

/// <summary>
/// An IPv4 or IPv6 CIDR block (<c>203.0.113.0/24</c>, <c>2001:db8::/32</c>); a bare address is a
/// single-host block. IPv4-mapped IPv6 addresses match IPv4 blocks and the other way round.
/// </summary>
internal readonly record struct CidrRange(IPAddress Network, int PrefixLength)
{
    public static bool TryParse(string? text, out CidrRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0))
        {
            return false;
        }

        address = ClientAddress.Normalize(address)!;
        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var length = bits;
        if (slash >= 0 && !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length))
        {
            return false;
        }

        // A mapped IPv6 block (::ffff:a.b.c.d/120) is the IPv4 block with 96 fewer bits.
        if (text[..(slash < 0 ? text.Length : slash)].Contains(':', StringComparison.Ordinal) && bits == 32)
        {
            length -= 96;
        }

        if (length < 0 || length > bits)
        {
            return false;
        }

        range = new CidrRange(Mask(address, length), length);
        return true;
    }

    public bool Contains(IPAddress? address)
    {
        address = ClientAddress.Normalize(address);
        return address is not null
            && address.AddressFamily == Network.AddressFamily
            && Mask(address, PrefixLength).Equals(Network);
    }

    public override string ToString() => $"{Network}/{PrefixLength}";

    private static IPAddress Mask(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(length - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
