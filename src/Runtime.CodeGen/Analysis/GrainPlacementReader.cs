using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MindPeeker.Runtime.CodeGen.Diagnostics;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Reads the placement attributes of a grain class (they are not inherited, so only the class's own
/// count). <c>[RolePlacement]</c> combines with either other attribute: with <c>[PreferLocalPlacement]</c>
/// the calling silo is preferred when it has the role. <c>[RandomPlacement]</c> with
/// <c>[PreferLocalPlacement]</c> is a contradiction (MPG010); an empty role is an error (MPG011).
/// </summary>
internal static class GrainPlacementReader
{
    private const string RolePlacement = "RolePlacementAttribute";
    private const string PreferLocalPlacement = "PreferLocalPlacementAttribute";
    private const string RandomPlacement = "RandomPlacementAttribute";

    /// <summary>The role named by <c>[RolePlacement]</c>, or null when the class has none or it is blank (reported).</summary>
    public static string? Role(INamedTypeSymbol grainClass, List<DiagnosticInfo> diagnostics)
    {
        if (RuntimeSymbols.FindAttribute(grainClass, RolePlacement) is not { } attribute)
        {
            return null;
        }

        var role = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (role is null || role.Trim().Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyPlacementRole, RoleLocation(attribute) ?? grainClass.Locations.FirstOrDefault(), grainClass.ToDisplayString()));
            return null;
        }

        return role;
    }

    /// <summary>True for <c>[PreferLocalPlacement]</c>; reports it alongside <c>[RandomPlacement]</c>.</summary>
    public static bool PrefersLocal(INamedTypeSymbol grainClass, List<DiagnosticInfo> diagnostics)
    {
        var preferLocal = RuntimeSymbols.FindAttribute(grainClass, PreferLocalPlacement) is not null;
        if (preferLocal && RuntimeSymbols.FindAttribute(grainClass, RandomPlacement) is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ConflictingPlacement,
                grainClass.Locations.FirstOrDefault(),
                grainClass.ToDisplayString(),
                "RandomPlacement",
                "PreferLocalPlacement"));
        }

        return preferLocal;
    }

    /// <summary>The attribute's role argument in source, so the error points at the empty string.</summary>
    private static Location? RoleLocation(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax
            ? syntax.ArgumentList.Arguments[0].GetLocation()
            : null;
}
