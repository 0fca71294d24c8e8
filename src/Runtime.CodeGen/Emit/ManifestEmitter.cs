using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MindPeeker.Runtime.CodeGen.Analysis;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Emit;

/// <summary>
/// Writes the assembly's <c>GrainManifestProvider</c> and the attribute that names it: one
/// <c>AddInterface</c> (type, proxy factory, request factory) per grain or observer interface, one
/// <c>AddGrainClass</c> per grain class.
/// </summary>
internal static class ManifestEmitter
{
    public const string HintName = "GrainManifest.g.cs";

    private const string Manifest = "global::MindPeeker.Runtime.Manifest.";

    public static string Emit(string? assemblyName, ImmutableArray<ManifestInterfaceEntry> interfaces, ImmutableArray<GrainClassModel> classes)
    {
        var provider = "GrainManifest_" + TypeNames.Sanitize(assemblyName ?? "Assembly");
        var writer = new SourceWriter()
            .Line()
            .Line($"[assembly: {Manifest}GrainManifestProvider(typeof(global::MindPeeker.Runtime.Generated.{provider}))]")
            .Line()
            .Open("namespace MindPeeker.Runtime.Generated")
            .Line(SourceWriter.GeneratedCodeAttribute)
            .Open($"internal sealed class {provider} : {Manifest}GrainManifestProvider")
            .Open($"public override void Populate({Manifest}GrainManifestBuilder builder)");
        foreach (var grainInterface in interfaces)
        {
            writer.Line($"builder.AddInterface(typeof({grainInterface.TypeName}), static (invoker, grainId) => new {grainInterface.ProxyName}(invoker, grainId), {grainInterface.ProxyName}.CreateRequest);");
        }

        foreach (var grainClass in classes)
        {
            EmitGrainClass(writer, grainClass);
        }

        return writer.Close().Close().Close().ToString();
    }

    private static void EmitGrainClass(SourceWriter writer, GrainClassModel grainClass)
    {
        var interfaces = string.Join(", ", grainClass.Interfaces.Select(i => $"typeof({i})"));
        var arguments = string.Join(", ", grainClass.ConstructorArguments.Select(a => ActivatorArgument(a, grainClass.TypeName)));
        var options = DescriptorOptions(grainClass).ToList();
        writer.Line($"builder.AddGrainClass(new {Manifest}GrainClassDescriptor(")
            .Line($"    typeof({grainClass.TypeName}),")
            .Line($"    {TypeNames.QuoteString(grainClass.GrainType)},")
            .Line($"    new global::System.Type[] {{ {interfaces} }},")
            .Line($"    static (services, context) => new {grainClass.TypeName}({arguments})){(options.Count == 0 ? ");" : string.Empty)}");
        if (options.Count == 0)
        {
            return;
        }

        writer.Line("{");
        foreach (var option in options)
        {
            writer.Line($"    {option},");
        }

        writer.Line("});");
    }

    /// <summary>The descriptor's init-only settings that differ from their defaults.</summary>
    private static IEnumerable<string> DescriptorOptions(GrainClassModel grainClass)
    {
        if (grainClass.IsReentrant)
        {
            yield return "IsReentrant = true";
        }

        if (grainClass.StatelessWorkerMaxLocal != 0)
        {
            yield return $"StatelessWorkerMaxLocal = {grainClass.StatelessWorkerMaxLocal}";
        }

        if (grainClass.CollectionAgeMinutes is { } minutes)
        {
            yield return $"CollectionAge = global::System.TimeSpan.FromMinutes({minutes})";
        }

        if (grainClass.AlwaysActive)
        {
            yield return "AlwaysActive = true";
        }

        if (grainClass.PlacementRole is { } role)
        {
            yield return $"PlacementRole = {TypeNames.QuoteString(role)}";
        }

        if (grainClass.PreferLocalPlacement)
        {
            yield return "PreferLocalPlacement = true";
        }
    }

    private static string ActivatorArgument(ActivatorArgumentModel argument, string grainClass) => argument.Kind switch
    {
        ActivatorArgumentKind.GrainContext => "context",
        ActivatorArgumentKind.PersistentState => $"context.GetPersistentState<{argument.TypeName}>({argument.StateName}, {argument.StorageName})",
        ActivatorArgumentKind.OptionalService => $"{Manifest}GrainActivatorServices.GetOptional<{argument.TypeName}>(services){argument.Fallback}",
        _ => $"{Manifest}GrainActivatorServices.Get<{argument.TypeName}>(services, typeof({grainClass}))",
    };
}
