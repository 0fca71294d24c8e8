using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>Classifies grain method return types; anything but the four task shapes is unsupported.</summary>
internal static class ReturnKinds
{
    public static ReturnKind? Classify(IMethodSymbol method)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType is not INamedTypeSymbol type || !IsTasksNamespace(type.ContainingNamespace))
        {
            return null;
        }

        return (type.Name, type.Arity) switch
        {
            ("Task", 0) => ReturnKind.Task,
            ("Task", 1) => ReturnKind.TaskOfT,
            ("ValueTask", 0) => ReturnKind.ValueTask,
            ("ValueTask", 1) => ReturnKind.ValueTaskOfT,
            _ => null,
        };
    }

    private static bool IsTasksNamespace(INamespaceSymbol? symbol) =>
        symbol is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
