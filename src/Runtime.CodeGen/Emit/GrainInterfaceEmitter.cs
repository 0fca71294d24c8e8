using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>The generated file of one grain interface: its request classes, then its proxy.</summary>
internal static class GrainInterfaceEmitter
{
    public static string HintName(GrainInterfaceModel grainInterface) => grainInterface.ProxyName + ".g.cs";

    public static string Emit(GrainInterfaceModel grainInterface)
    {
        var writer = new SourceWriter().Line().Open("namespace MindPeeker.Runtime.Generated");
        foreach (var method in grainInterface.Methods)
        {
            RequestEmitter.Emit(writer, grainInterface, method);
        }

        ProxyEmitter.Emit(writer, grainInterface);
        return writer.Close().ToString();
    }
}
