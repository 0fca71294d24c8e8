using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Diagnostics;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Reads a grain class declaration (non-abstract, non-generic, derived from <c>Grain</c>,
/// implementing a grain interface) into a <see cref="GrainClassModel"/>; null for any other class.
/// </summary>
internal static class GrainClassReader
{
    public static GrainClassModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } type
            || TypeNames.IsGenericOrInGenericType(type)
            || !RuntimeSymbols.DerivesFromGrain(type))
        {
            return null;
        }

        var interfaces = type.AllInterfaces.Where(RuntimeSymbols.IsGrainInterface).Select(TypeNames.FullyQualifiedName).ToArray();
        if (interfaces.Length == 0 || !DeclarationFilter.IsPrimaryDeclaration(type, context.Node, cancellationToken))
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var arguments = ReadActivatorArguments(type, diagnostics);
        var collectionAge = GrainClassOptionsReader.CollectionAgeMinutes(type, out var alwaysActive);
        var placementRole = GrainPlacementReader.Role(type, diagnostics);
        var preferLocal = GrainPlacementReader.PrefersLocal(type, diagnostics);
        return new GrainClassModel(
            TypeNames.FullyQualifiedName(type),
            GrainTypeNames.For(type),
            new EquatableArray<string>(interfaces),
            new EquatableArray<ActivatorArgumentModel>(arguments),
            GrainClassOptionsReader.IsReentrant(type),
            GrainClassOptionsReader.StatelessWorkerMaxLocal(type),
            collectionAge,
            alwaysActive,
            placementRole,
            preferLocal,
            IsValid: diagnostics.Count == 0,
            new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static List<ActivatorArgumentModel> ReadActivatorArguments(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
    {
        var arguments = new List<ActivatorArgumentModel>();
        var location = type.Locations.FirstOrDefault();
        if (!TypeNames.IsAccessibleFromGeneratedCode(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InaccessibleType, location, "class", type.ToDisplayString()));
            return arguments;
        }

        if (ActivatorConstructorSelector.Select(type, out var failure) is not { } constructor)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoActivatorConstructor, location, type.ToDisplayString(), failure!));
            return arguments;
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (ActivatorArgumentReader.Read(parameter) is { } argument)
            {
                arguments.Add(argument);
            }
            else
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.PersistentStateParameterType,
                    parameter.Locations.FirstOrDefault() ?? location,
                    parameter.Name,
                    type.ToDisplayString(),
                    parameter.Type.ToDisplayString()));
            }
        }

        return arguments;
    }
}
