using Microsoft.CodeAnalysis;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// The grain type name of a class: its <c>[GrainType]</c> value, else the class name lower-cased
/// without a trailing <c>Grain</c> (<c>SessionGrain</c> → <c>session</c>).
/// </summary>
internal static class GrainTypeNames
{
    private const string Suffix = "Grain";

    public static string For(INamedTypeSymbol grainClass)
    {
        if (RuntimeSymbols.FindAttribute(grainClass, "GrainTypeAttribute") is { ConstructorArguments.Length: 1 } attribute
            && attribute.ConstructorArguments[0].Value is string pinned)
        {
            return pinned;
        }

        var name = grainClass.Name;
        if (name.Length > Suffix.Length && name.EndsWith(Suffix, System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - Suffix.Length);
        }

        return name.ToLowerInvariant();
    }
}
