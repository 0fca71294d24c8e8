namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// A grain class declared in the compilation, as the manifest describes it. The manifest lists it
/// only when <paramref name="IsValid"/>. <paramref name="CollectionAgeMinutes"/> is a C# double
/// literal, or null when the class sets no collection age. <paramref name="PlacementRole"/> and
/// <paramref name="PreferLocalPlacement"/> come from the class's placement attributes.
/// </summary>
internal sealed record GrainClassModel(
    string TypeName,
    string GrainType,
    EquatableArray<string> Interfaces,
    EquatableArray<ActivatorArgumentModel> ConstructorArguments,
    bool IsReentrant,
    int StatelessWorkerMaxLocal,
    string? CollectionAgeMinutes,
    bool AlwaysActive,
    string? PlacementRole,
    bool PreferLocalPlacement,
    bool IsValid,
    EquatableArray<DiagnosticInfo> Diagnostics);
