using System.Linq;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the proxy of one grain interface: a <c>GrainReference</c> that implements every method
/// explicitly by sending that method's request.
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
        foreach (var method in grainInterface.Methods)
        {
            writer.Line()
                .Line($"{method.ReturnType} {method.DeclaringInterface}.{method.EscapedName}({Parameters(method)})")
                .Line($"    => InvokeAsync(new {grainInterface.RequestName(method)}{Initializer(method)}){Conversion(method)};");
        }

        writer.Close();
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
