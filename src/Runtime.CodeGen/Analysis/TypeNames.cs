using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>How symbols are written into generated code.</summary>
internal static class TypeNames
{
    /// <summary><c>global::N.IFoo</c>, <c>string?</c>: exact enough that explicit implementations match without nullable warnings.</summary>
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat QualifiedWithoutGlobal = SymbolDisplayFormat.FullyQualifiedFormat
        .WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None);

    public static string FullyQualifiedName(ITypeSymbol type) => type.ToDisplayString(FullyQualified);

    /// <summary><c>N.Outer.IFoo</c> → <c>N_Outer_IFoo</c>: usable inside generated type names.</summary>
    public static string SanitizedName(ISymbol symbol) => Sanitize(symbol.ToDisplayString(QualifiedWithoutGlobal));

    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            builder.Append(char.IsLetterOrDigit(character) || character == '_' ? character : '_');
        }

        return builder.ToString();
    }

    /// <summary>Prefixes <c>@</c> to identifiers that are C# keywords (<c>class</c> → <c>@class</c>).</summary>
    public static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public static string MemberDisplayName(ISymbol member) =>
        member.ContainingType is { } type ? type.Name + "." + member.Name : member.Name;

    public static bool IsAccessibleFromGeneratedCode(ISymbol symbol)
    {
        for (var current = symbol; current is INamedTypeSymbol; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsGenericOrInGenericType(INamedTypeSymbol type) =>
        type.IsGenericType || (type.ContainingType is { } containing && IsGenericOrInGenericType(containing));

    public static string QuoteString(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
