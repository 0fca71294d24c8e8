using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>Cheap syntax checks, and the rule that a partial type is read once.</summary>
internal static class DeclarationFilter
{
    public static bool IsInterfaceWithBaseList(SyntaxNode node, CancellationToken cancellationToken) =>
        node is InterfaceDeclarationSyntax { BaseList: not null };

    public static bool IsClassWithBaseList(SyntaxNode node, CancellationToken cancellationToken) =>
        node is ClassDeclarationSyntax { BaseList: not null };

    /// <summary>True for the first part of <paramref name="type"/> that has a base list, so each type yields one model.</summary>
    public static bool IsPrimaryDeclaration(INamedTypeSymbol type, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is BaseTypeDeclarationSyntax { BaseList: not null })
            {
                return reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span;
            }
        }

        return false;
    }
}
