namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// One grain constructor argument. <paramref name="TypeName"/> is the parameter type, or the state
/// type for <see cref="ActivatorArgumentKind.PersistentState"/>. <paramref name="Fallback"/> is C#
/// appended to an optional service lookup (<c> ?? "x"</c> for a constant default, <c>!</c> for a
/// non-nullable parameter defaulted to null), empty when none.
/// </summary>
internal sealed record ActivatorArgumentModel(
    ActivatorArgumentKind Kind,
    string TypeName,
    string? StateName = null,
    string? StorageName = null,
    string Fallback = "");
