using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Diagnostics;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Reads a grain or observer interface declaration into a <see cref="GrainInterfaceModel"/>; null for
/// any other interface. Both kinds follow the same method rules and get the same generated code.
/// </summary>
internal static class GrainInterfaceReader
{
    public static GrainInterfaceModel? Read(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancellationToken) is not INamedTypeSymbol type
            || !RuntimeSymbols.IsCallableInterface(type)
            || !DeclarationFilter.IsPrimaryDeclaration(type, context.Node, cancellationToken))
        {
            return null;
        }

        var diagnostics = new GrainInterfaceDiagnostics(type);
        var methods = new List<GrainMethodModel>();
        if (RuntimeSymbols.IsGrainAndObserverInterface(type))
        {
            diagnostics.Report(DiagnosticDescriptors.GrainAndObserverInterface, OriginOfGrainAndObserverConflict(type), type.ToDisplayString());
        }
        else if (TypeNames.IsGenericOrInGenericType(type))
        {
            diagnostics.Report(DiagnosticDescriptors.GenericInterface, type, type.ToDisplayString());
        }
        else if (!TypeNames.IsAccessibleFromGeneratedCode(type))
        {
            diagnostics.Report(DiagnosticDescriptors.InaccessibleType, type, "interface", type.ToDisplayString());
        }
        else
        {
            ReadMembers(type, diagnostics, methods, cancellationToken);
        }

        return new GrainInterfaceModel(
            TypeNames.FullyQualifiedName(type),
            TypeNames.SanitizedName(type),
            IsValid: !diagnostics.HasErrors,
            diagnostics.HasErrors ? EquatableArray<GrainMethodModel>.Empty : new EquatableArray<GrainMethodModel>(methods),
            diagnostics.ToArray());
    }

    /// <summary>
    /// The inherited interface that already is both a grain and an observer interface, so the error is
    /// reported once, by the interface that mixed the two (one of this compilation before one from elsewhere);
    /// <paramref name="type"/> itself when it mixes them.
    /// </summary>
    private static INamedTypeSymbol OriginOfGrainAndObserverConflict(INamedTypeSymbol type)
    {
        var inherited = type.AllInterfaces.Where(i => !RuntimeSymbols.IsMarkerInterface(i) && RuntimeSymbols.IsGrainAndObserverInterface(i)).ToList();
        return inherited.FirstOrDefault(i => i.Locations.Any(location => location.IsInSource)) ?? inherited.FirstOrDefault() ?? type;
    }

    /// <summary>The interface's own members, then those of every interface it inherits, in declaration order.</summary>
    private static void ReadMembers(
        INamedTypeSymbol type,
        GrainInterfaceDiagnostics diagnostics,
        List<GrainMethodModel> methods,
        CancellationToken cancellationToken)
    {
        foreach (var declaringInterface in new[] { type }.Concat(type.AllInterfaces.Where(i => !RuntimeSymbols.IsMarkerInterface(i))))
        {
            foreach (var member in declaringInterface.GetMembers().Where(m => !m.IsStatic))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadMember(type, member, diagnostics, methods);
            }
        }
    }

    private static void ReadMember(INamedTypeSymbol grainInterface, ISymbol member, GrainInterfaceDiagnostics diagnostics, List<GrainMethodModel> methods)
    {
        switch (member)
        {
            case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                if (GrainMethodReader.Read(method, methods.Count, diagnostics) is { } model)
                {
                    methods.Add(model);
                }

                break;
            case IPropertySymbol property:
                var kind = property.IsIndexer ? "indexer" : "property";
                diagnostics.Report(DiagnosticDescriptors.NonMethodMember, property, grainInterface.ToDisplayString(), kind, TypeNames.MemberDisplayName(property));
                break;
            case IEventSymbol:
                diagnostics.Report(DiagnosticDescriptors.NonMethodMember, member, grainInterface.ToDisplayString(), "event", TypeNames.MemberDisplayName(member));
                break;
        }
    }
}
