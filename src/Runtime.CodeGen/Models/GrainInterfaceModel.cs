namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>
/// A grain or observer interface declared in the compilation. Code is emitted only when <paramref name="IsValid"/>;
/// an invalid interface may have no diagnostics of its own when an interface it inherits reports them.
/// </summary>
internal sealed record GrainInterfaceModel(
    string TypeName,
    string SanitizedName,
    bool IsValid,
    EquatableArray<GrainMethodModel> Methods,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public string ProxyName => "Proxy_" + SanitizedName;

    public string RequestName(GrainMethodModel method) => $"Request_{SanitizedName}_{method.Name}_{method.MethodId}";
}
