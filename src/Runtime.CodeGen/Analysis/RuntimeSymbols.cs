using System.Linq;
using Microsoft.CodeAnalysis;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Recognizes the runtime's programming-model types by name, without a compilation-wide lookup,
/// so the checks stay cheap inside syntax transforms.
/// </summary>
internal static class RuntimeSymbols
{
    private static readonly string[] MarkerInterfaces =
    [
        "IAddressable",
        "IGrain",
        "IGrainWithGuidKey",
        "IGrainWithStringKey",
        "IGrainWithIntegerKey",
        "IGrainWithGuidCompoundKey",
        "IGrainWithIntegerCompoundKey",
        "IGrainObserver",
    ];

    public static bool IsRuntimeType(ITypeSymbol? type, string name, int arity = 0) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && named.ContainingType is null
        && IsNamespace(named.ContainingNamespace, "MindPeeker", "Runtime");

    public static bool IsMarkerInterface(INamedTypeSymbol type) =>
        MarkerInterfaces.Any(name => IsRuntimeType(type, name));

    /// <summary>An interface that extends <c>IGrain</c>, directly or not, and is not one of the runtime's markers.</summary>
    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsMarkerInterface(type)
        && type.AllInterfaces.Any(i => IsRuntimeType(i, "IGrain"));

    /// <summary>An interface that extends <c>IGrainObserver</c>, directly or not, and is not one of the runtime's markers.</summary>
    public static bool IsObserverInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsMarkerInterface(type)
        && type.AllInterfaces.Any(i => IsRuntimeType(i, "IGrainObserver"));

    /// <summary>A grain or an observer interface: one the generator writes requests and a proxy for.</summary>
    public static bool IsCallableInterface(INamedTypeSymbol type) =>
        IsGrainInterface(type) || IsObserverInterface(type);

    /// <summary>Both a grain and an observer interface: an error (MPG009).</summary>
    public static bool IsGrainAndObserverInterface(INamedTypeSymbol type) =>
        IsGrainInterface(type) && IsObserverInterface(type);

    public static bool DerivesFromGrain(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsRuntimeType(current, "Grain"))
            {
                return true;
            }
        }

        return false;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, string attributeName) =>
        symbol.GetAttributes().FirstOrDefault(a => IsRuntimeType(a.AttributeClass, attributeName));

    private static bool IsNamespace(INamespaceSymbol? symbol, string outer, string inner) =>
        symbol is { Name: var innerName, ContainingNamespace: { Name: var outerName, ContainingNamespace.IsGlobalNamespace: true } }
        && innerName == inner
        && outerName == outer;
}
