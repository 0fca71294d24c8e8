using System.Net;

namespace MindPeeker.Grains.Outbound;

/// <summary>A CIDR block with what it is, for refusal reasons ("a loopback address (127.0.0.0/8)"). Immutable.</summary>
internal sealed class AddressRange
{
    private readonly byte[] _network;
    private readonly int _prefixLength;

    private AddressRange(byte[] network, int prefixLength, string description, string text)
    {
        _network = network;
        _prefixLength = prefixLength;
        Description = description;
        Text = text;
    }

    /// <summary>What addresses in the block are, as a noun phrase ("a private address").</summary>
    public string Description { get; }

    /// <summary>The block in CIDR notation.</summary>
    public string Text { get; }

    public static AddressRange Parse(string cidr, string description)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var network = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        var prefixLength = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return new AddressRange(network, prefixLength, description, cidr);
    }

    /// <summary>Whether <paramref name="address"/> (of the same family, as network-order bytes) lies in the block.</summary>
    public bool Contains(ReadOnlySpan<byte> address)
    {
        if (address.Length != _network.Length)
        {
            return false;
        }

        var wholeBytes = _prefixLength / 8;
        if (!address[..wholeBytes].SequenceEqual(_network.AsSpan(0, wholeBytes)))
        {
            return false;
        }

        var remainingBits = _prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - remainingBits));
        return (address[wholeBytes] & mask) == (_network[wholeBytes] & mask);
    }
}
