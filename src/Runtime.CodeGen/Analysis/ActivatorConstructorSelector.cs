using System.Linq;
using Microsoft.CodeAnalysis;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Picks the constructor the generated activator calls: the only public or internal one, or the
/// one with the most parameters. Null, with the reason, when there is none or the choice is a tie.
/// </summary>
internal static class ActivatorConstructorSelector
{
    public static IMethodSymbol? Select(INamedTypeSymbol grainClass, out string? failure)
    {
        var candidates = grainClass.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            .OrderByDescending(c => c.Parameters.Length)
            .ToArray();
        failure = null;
        if (candidates.Length == 0)
        {
            failure = "it has no public or internal constructor; declare one for the runtime to call";
            return null;
        }

        if (candidates.Length > 1 && candidates[1].Parameters.Length == candidates[0].Parameters.Length)
        {
            failure = $"its constructors '{Display(candidates[0])}' and '{Display(candidates[1])}' both take the most parameters ({candidates[0].Parameters.Length}); "
                + "the runtime calls the accessible constructor with the most parameters, so make that one unique";
            return null;
        }

        return candidates[0];
    }

    private static string Display(IMethodSymbol constructor) =>
        constructor.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
