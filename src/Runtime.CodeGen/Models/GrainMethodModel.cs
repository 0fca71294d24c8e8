namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// One method of a grain interface, with everything needed to emit its request class and its
/// proxy implementation. Type names are fully qualified (<c>global::</c>) with nullable annotations.
/// </summary>
internal sealed record GrainMethodModel(
    string DeclaringInterface,
    string Name,
    string EscapedName,
    int MethodId,
    ReturnKind ReturnKind,
    string ReturnType,
    string? ResultType,
    bool AlwaysInterleave,
    bool ReadOnly,
    EquatableArray<RequestParameterModel> Parameters);
