using System.Linq;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the proxy of one grain or observer interface: a <c>GrainReference</c> that implements every
/// method explicitly by sending that method's request, and <c>CreateRequest</c>, which makes an empty
/// request from a method id so a silo can rebuild a call that arrived from another process.
/// </summary>
internal static class ProxyEmitter
{
    public static void Emit(SourceWriter writer, GrainInterfaceModel grainInterface)
    {
        var proxy = grainInterface.ProxyName;
        writer.Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {proxy} : global::MindPeeker.Runtime.Invocation.GrainReference, {grainInterface.TypeName}")
            .Line($"public {proxy}(global::MindPeeker.Runtime.Invocation.IGrainCallInvoker invoker, global::MindPeeker.Runtime.GrainId grainId)")
            .Line("    : base(invoker, grainId)")
            .Line("{")
            .Line("}");
        EmitCreateRequest(writer, grainInterface);
        foreach (var method in grainInterface.Methods)
        {
            writer.Line()
                .Line($"{method.ReturnType} {method.DeclaringInterface}.{method.EscapedName}({Parameters(method)})")
                .Line($"    => InvokeAsync(new {grainInterface.RequestName(method)}{Initializer(method)}){Conversion(method)};");
        }

        writer.Close();
    }

    private static void EmitCreateRequest(SourceWriter writer, GrainInterfaceModel grainInterface)
    {
        writer.Line()
            .Line("public static global::MindPeeker.Runtime.Invocation.GrainRequest? CreateRequest(int methodId) => methodId switch")
            .Line("{");
        foreach (var method in grainInterface.Methods)
        {
            writer.Line($"    {method.MethodId} => new {grainInterface.RequestName(method)}(),");
        }

        writer.Line("    _ => null,")
            .Line("};");
    }

    private static string Parameters(GrainMethodModel method) =>
        string.Join(", ", method.Parameters.Select(p => $"{p.TypeName} {p.Name}"));

    private static string Initializer(GrainMethodModel method) =>
        method.Parameters.IsEmpty
            ? "()"
            : " { " + string.Join(", ", method.Parameters.Select((p, i) => $"Arg{i} = {p.Name}")) + " }";

    private static string Conversion(GrainMethodModel method) =>
        method.ReturnKind is ReturnKind.Task or ReturnKind.TaskOfT ? ".AsTask()" : string.Empty;
}
