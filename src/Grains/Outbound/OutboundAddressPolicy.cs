using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Outbound;

/// <summary>
/// Decides whether an outbound request may reach an IP address: refuses loopback, private, link-local (incl.
/// 169.254.169.254), CGNAT, multicast, reserved, documentation, benchmarking and IETF ranges and their IPv6
/// equivalents, and judges IPv6 forms that embed an IPv4 address (IPv4-mapped, SIIT, NAT64 64:ff9b::/96, 6to4
/// 2002::/16) by the embedded address. With <see cref="OutboundHttpOptions.AllowLoopbackTargets"/> loopback, and
/// only loopback, is allowed. Immutable and thread safe.
/// </summary>
public sealed class OutboundAddressPolicy
{
    public OutboundAddressPolicy(IOptions<OutboundHttpOptions> options)
        : this(options?.Value.AllowLoopbackTargets ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <param name="allowLoopbackTargets">Development only: let loopback addresses through.</param>
    public OutboundAddressPolicy(bool allowLoopbackTargets) => AllowLoopbackTargets = allowLoopbackTargets;

    /// <summary>Whether loopback addresses are let through (development setting).</summary>
    public bool AllowLoopbackTargets { get; }

    /// <summary>
    /// Whether a request may connect to <paramref name="address"/>; when not, <paramref name="reason"/> says why in a
    /// sentence fit for a problem <c>detail</c> ("127.0.0.1 is a loopback address (127.0.0.0/8).").
    /// </summary>
    public bool IsAllowed(IPAddress address, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(address);
        var refusal = Judge(address);
        reason = refusal is null ? null : $"{address} is {refusal}.";
        return refusal is null;
    }

    private string? Judge(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var length))
        {
            return "not an address";
        }

        bytes = bytes[..length];
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => JudgeIPv4(bytes),
            AddressFamily.InterNetworkV6 => JudgeIPv6(bytes),
            _ => "not an IPv4 or IPv6 address",
        };
    }

    private string? JudgeIPv4(ReadOnlySpan<byte> bytes)
    {
        if (AllowLoopbackTargets && BlockedAddressRanges.IPv4Loopback.Contains(bytes))
        {
            return null;
        }

        foreach (var range in BlockedAddressRanges.IPv4)
        {
            if (range.Contains(bytes))
            {
                return $"{range.Description} ({range.Text})";
            }
        }

        return null;
    }

    private string? JudgeIPv6(ReadOnlySpan<byte> bytes)
    {
        foreach (var form in BlockedAddressRanges.IPv4InLastBits)
        {
            if (form.Contains(bytes))
            {
                return JudgeEmbedded(form, bytes[12..16]);
            }
        }

        if (BlockedAddressRanges.SixToFour.Contains(bytes))
        {
            return JudgeEmbedded(BlockedAddressRanges.SixToFour, bytes[2..6]);
        }

        if (AllowLoopbackTargets && BlockedAddressRanges.IPv6Loopback.Contains(bytes))
        {
            return null;
        }

        foreach (var range in BlockedAddressRanges.IPv6)
        {
            if (range.Contains(bytes))
            {
                return $"{range.Description} ({range.Text})";
            }
        }

        return BlockedAddressRanges.IPv6GlobalUnicast.Contains(bytes) ? null : "a reserved address (outside global unicast 2000::/3)";
    }

    private string? JudgeEmbedded(AddressRange form, ReadOnlySpan<byte> ipv4)
    {
        var refusal = JudgeIPv4(ipv4);
        return refusal is null ? null : $"{form.Description} ({form.Text}) embedding {new IPAddress(ipv4)}, {refusal}";
    }
}
