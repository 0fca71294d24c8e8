using System.Globalization;
using System.Text;

namespace MindPeeker.Runtime.Cluster;

/// <summary>
/// A consistent hash ring over the Active silos of one <see cref="MembershipSnapshot"/>: each silo places
/// <c>virtualPointsPerSilo</c> points at <see cref="GetHash(string)"/> of <c>"{silo}#{i}"</c>, and a grain
/// belongs to the silo of the first point at or after the grain's hash, wrapping around. Adding or removing
/// a silo moves only the grains of the ranges next to its points. The hash is stable across processes and
/// versions (never <see cref="string.GetHashCode()"/>), so every silo computes the same owners and
/// <c>reminders.grain_hash</c> stays valid. Immutable and thread-safe.
/// </summary>
public sealed class ConsistentRing
{
    /// <summary>Points per silo when none is given: 30, as Orleans' <c>NumVirtualBucketsConsistentRing</c>.</summary>
    public const int DefaultVirtualPointsPerSilo = 30;

    private readonly uint[] _points;
    private readonly SiloAddress[] _owners;

    /// <summary>A ring of the snapshot's Active silos.</summary>
    public ConsistentRing(MembershipSnapshot snapshot, int virtualPointsPerSilo = DefaultVirtualPointsPerSilo)
        : this((snapshot ?? throw new ArgumentNullException(nameof(snapshot))).ActiveSilos.Select(e => e.Address), virtualPointsPerSilo)
    {
    }

    /// <summary>A ring of the given silos (duplicates ignored).</summary>
    public ConsistentRing(IEnumerable<SiloAddress> silos, int virtualPointsPerSilo = DefaultVirtualPointsPerSilo)
    {
        ArgumentNullException.ThrowIfNull(silos);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualPointsPerSilo, 1);
        Silos = [.. silos.Distinct().OrderBy(s => s.ToString(), StringComparer.Ordinal)];

        // Ties (two points on one hash) go to the silo whose address sorts first, so every process agrees.
        var points = Silos
            .SelectMany(silo => Enumerable.Range(0, virtualPointsPerSilo).Select(i => (Hash: GetHash(string.Create(CultureInfo.InvariantCulture, $"{silo}#{i}")), Silo: silo)))
            .GroupBy(p => p.Hash)
            .Select(g => g.First())
            .OrderBy(p => p.Hash)
            .ToArray();
        _points = [.. points.Select(p => p.Hash)];
        _owners = [.. points.Select(p => p.Silo)];
    }

    /// <summary>The silos on the ring, ordered by address.</summary>
    public IReadOnlyList<SiloAddress> Silos { get; }

    public bool IsEmpty => _points.Length == 0;

    /// <summary>The silo owning <paramref name="grainId"/>; null when the ring is empty.</summary>
    public SiloAddress? GetOwner(GrainId grainId) => GetOwner(GetHash(grainId));

    /// <summary>The silo owning the ring position <paramref name="hash"/>; null when the ring is empty.</summary>
    public SiloAddress? GetOwner(uint hash)
    {
        if (_points.Length == 0)
        {
            return null;
        }

        var index = Array.BinarySearch(_points, hash);
        if (index < 0)
        {
            index = ~index;
        }

        return _owners[index == _points.Length ? 0 : index];
    }

    public bool IsOwnedBy(GrainId grainId, SiloAddress silo) => GetOwner(grainId) == silo;

    /// <summary>
    /// The ranges <paramref name="silo"/> owns, adjacent ones merged: every hash h with
    /// <c>ranges.Any(r =&gt; r.Contains(h))</c> has <paramref name="silo"/> as owner. Empty when it is not on the ring.
    /// </summary>
    public IReadOnlyList<RingRange> GetOwnedRanges(SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var ranges = new List<RingRange>();
        for (var i = 0; i < _points.Length; i++)
        {
            if (_owners[i] != silo)
            {
                continue;
            }

            var begin = _points[i == 0 ? _points.Length - 1 : i - 1];
            if (ranges.Count > 0 && ranges[^1].End == begin)
            {
                ranges[^1] = ranges[^1] with { End = _points[i] };
            }
            else
            {
                ranges.Add(new RingRange(begin, _points[i]));
            }
        }

        // The last range may continue into the first one across zero.
        if (ranges.Count > 1 && ranges[^1].End == ranges[0].Begin)
        {
            ranges[0] = ranges[0] with { Begin = ranges[^1].Begin };
            ranges.RemoveAt(ranges.Count - 1);
        }

        return ranges.Count == 1 && ranges[0].Begin == ranges[0].End ? [RingRange.Full] : ranges;
    }

    /// <summary>The ring position of a grain: <see cref="GetHash(string)"/> of its <c>{type}/{key}</c> text.</summary>
    public static uint GetHash(GrainId grainId) => GetHash(grainId.ToString());

    /// <summary>
    /// The ring's stable hash: 32-bit FNV-1a over the UTF-8 bytes of <paramref name="value"/>, followed by
    /// MurmurHash3's <c>fmix32</c> finalizer so that similar strings (<c>silo#1</c>, <c>silo#2</c>) spread
    /// over the whole ring. Part of the stored data's format: changing it strands stored reminder hashes.
    /// </summary>
    public static uint GetHash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const uint OffsetBasis = 2166136261;
        const uint Prime = 16777619;
        Span<byte> buffer = value.Length <= 256 ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(value.Length)] : new byte[Encoding.UTF8.GetByteCount(value)];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        var hash = OffsetBasis;
        foreach (var b in buffer[..length])
        {
            hash = unchecked((hash ^ b) * Prime);
        }

        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85ebca6b);
        hash ^= hash >> 13;
        hash = unchecked(hash * 0xc2b2ae35);
        hash ^= hash >> 16;
        return hash;
    }
}

/// <summary>
/// A range of ring positions, exclusive of <see cref="Begin"/> and inclusive of <see cref="End"/>
/// (Orleans' convention). When <see cref="Begin"/> ≥ <see cref="End"/> it wraps around zero;
/// <see cref="Begin"/> = <see cref="End"/> is the whole ring.
/// </summary>
public readonly record struct RingRange(uint Begin, uint End)
{
    /// <summary>The whole ring.</summary>
    public static RingRange Full { get; } = new(0, 0);

    public bool Contains(uint hash) => Begin < End ? hash > Begin && hash <= End : hash > Begin || hash <= End;
}
