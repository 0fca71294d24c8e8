using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime;

/// <summary>Key accessors for grains and grain references, named as in Orleans.</summary>
public static class GrainKeyExtensions
{
    /// <summary>The id of a grain (inside an activation) or of a grain reference.</summary>
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        Grain grain => grain.GrainId,
        GrainReference reference => reference.GrainId,
        _ => throw new ArgumentException($"{addressable.GetType()} is neither a grain nor a grain reference.", nameof(addressable)),
    };

    public static Guid GetPrimaryKey(this IAddressable addressable) =>
        GrainKeyFormat.ParseGuid(addressable.GetGrainId().Key, out _);

    public static Guid GetPrimaryKey(this IAddressable addressable, out string? keyExtension) =>
        GrainKeyFormat.ParseGuid(addressable.GetGrainId().Key, out keyExtension);

    public static long GetPrimaryKeyLong(this IAddressable addressable) =>
        GrainKeyFormat.ParseLong(addressable.GetGrainId().Key, out _);

    public static long GetPrimaryKeyLong(this IAddressable addressable, out string? keyExtension) =>
        GrainKeyFormat.ParseLong(addressable.GetGrainId().Key, out keyExtension);

    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;
}
