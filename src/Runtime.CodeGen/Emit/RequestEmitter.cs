using System.Linq;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the request class of one grain or observer method: typed argument fields, the shared
/// <c>GrainMethod</c> descriptor (declaring interface, and the interface whose proxy sends it), the
/// arguments' JSON form for remote calls, and the call on the target instance.
/// </summary>
internal static class RequestEmitter
{
    private const string Invocation = "global::MindPeeker.Runtime.Invocation.";

    public static void Emit(SourceWriter writer, GrainInterfaceModel grainInterface, GrainMethodModel method)
    {
        var parameters = method.Parameters;
        writer.Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {grainInterface.RequestName(method)} : {BaseClass(method)}")
            .Line($"internal static readonly {Invocation}GrainMethod Descriptor = new {Invocation}GrainMethod(typeof({method.DeclaringInterface}), \"{method.Name}\", {method.MethodId}, {Options(method)}, typeof({grainInterface.TypeName}));");
        if (!parameters.IsEmpty)
        {
            writer.Line();
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var initializer = parameters[i].NeedsNullForgivingDefault ? " = default!" : string.Empty;
            writer.Line($"public {parameters[i].TypeName} Arg{i}{initializer};");
        }

        writer.Line()
            .Line($"public override {Invocation}GrainMethod Method => Descriptor;")
            .Line()
            .Line($"public override int ArgumentCount => {parameters.Count};")
            .Line()
            .Line("public override object? GetArgument(int index) => index switch")
            .Line("{");
        for (var i = 0; i < parameters.Count; i++)
        {
            writer.Line($"    {i} => Arg{i},");
        }

        writer.Line("    _ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),")
            .Line("};")
            .Line();
        ArgumentJsonEmitter.Emit(writer, grainInterface, method);
        writer.Line()
            .Line($"protected override {InvokeCoreReturnType(method)} InvokeCore(object grain) => {InvokeCoreBody(method)};")
            .Close()
            .Line();
    }

    private static string BaseClass(GrainMethodModel method) =>
        method.ResultType is { } result ? $"{Invocation}GrainRequest<{result}>" : $"{Invocation}VoidGrainRequest";

    private static string Options(GrainMethodModel method)
    {
        const string Flags = Invocation + "GrainMethodOptions.";
        return (method.AlwaysInterleave, method.ReadOnly) switch
        {
            (true, true) => $"{Flags}AlwaysInterleave | {Flags}ReadOnly",
            (true, false) => Flags + "AlwaysInterleave",
            (false, true) => Flags + "ReadOnly",
            _ => Flags + "None",
        };
    }

    private static string InvokeCoreReturnType(GrainMethodModel method) =>
        method.ResultType is { } result
            ? $"global::System.Threading.Tasks.ValueTask<{result}>"
            : "global::System.Threading.Tasks.ValueTask";

    private static string InvokeCoreBody(GrainMethodModel method)
    {
        var arguments = string.Join(", ", Enumerable.Range(0, method.Parameters.Count).Select(i => "Arg" + i));
        var call = $"(({method.DeclaringInterface})grain).{method.EscapedName}({arguments})";
        return method.ReturnKind switch
        {
            ReturnKind.TaskOfT => $"new {InvokeCoreReturnType(method)}({call})",
            ReturnKind.Task => $"new {InvokeCoreReturnType(method)}({call})",
            _ => call,
        };
    }
}
