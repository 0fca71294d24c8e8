using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Analysis;
using MindPeeker.Runtime.CodeGen.Emit;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen;

/// <summary>
/// Generates, for the grain and observer interfaces and the grain classes declared in a compilation,
/// the request classes (typed arguments, their JSON form for remote calls) and proxies that carry
/// calls, and the manifest that tells the runtime about them: each interface with its proxy and
/// request factory, each grain class with its activator, scheduling options and placement.
/// Each stage yields plain equatable models, so an edit elsewhere re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class GrainGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var interfaces = context.SyntaxProvider
            .CreateSyntaxProvider(DeclarationFilter.IsInterfaceWithBaseList, GrainInterfaceReader.Read)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.GrainInterfaces);
        context.RegisterSourceOutput(interfaces, EmitInterface);

        var classes = context.SyntaxProvider
            .CreateSyntaxProvider(DeclarationFilter.IsClassWithBaseList, GrainClassReader.Read)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.GrainClasses);
        context.RegisterSourceOutput(classes, ReportDiagnostics);

        var manifestInterfaces = interfaces
            .Where(static model => model.IsValid)
            .Select(static (model, _) => new ManifestInterfaceEntry(model.TypeName, model.ProxyName))
            .WithTrackingName(TrackingNames.ManifestInterfaces)
            .Collect();
        var manifestClasses = classes
            .Where(static model => model.IsValid)
            .WithTrackingName(TrackingNames.ManifestClasses)
            .Collect();
        var assemblyName = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName)
            .WithTrackingName(TrackingNames.AssemblyName);
        var manifest = manifestInterfaces
            .Combine(manifestClasses)
            .Combine(assemblyName)
            .WithTrackingName(TrackingNames.Manifest);
        context.RegisterSourceOutput(manifest, static (output, input) =>
            EmitManifest(output, input.Right, input.Left.Left, input.Left.Right));
    }

    private static void EmitInterface(SourceProductionContext output, GrainInterfaceModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.IsValid)
        {
            output.AddSource(GrainInterfaceEmitter.HintName(model), GrainInterfaceEmitter.Emit(model));
        }
    }

    private static void ReportDiagnostics(SourceProductionContext output, GrainClassModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    private static void EmitManifest(
        SourceProductionContext output,
        string? assemblyName,
        ImmutableArray<ManifestInterfaceEntry> interfaces,
        ImmutableArray<GrainClassModel> classes)
    {
        if (interfaces.IsEmpty && classes.IsEmpty)
        {
            return;
        }

        output.AddSource(ManifestEmitter.HintName, ManifestEmitter.Emit(assemblyName, interfaces, classes));
    }
}
