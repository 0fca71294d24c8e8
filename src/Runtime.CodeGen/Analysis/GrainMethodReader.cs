using System.Linq;
using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Diagnostics;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>Turns one interface method into a <see cref="GrainMethodModel"/>, or reports why it cannot be a grain method.</summary>
internal static class GrainMethodReader
{
    public static GrainMethodModel? Read(IMethodSymbol method, int methodId, GrainInterfaceDiagnostics diagnostics)
    {
        var displayName = TypeNames.MemberDisplayName(method);
        var isValid = true;
        if (method.IsGenericMethod)
        {
            diagnostics.Report(DiagnosticDescriptors.GenericMethod, method, displayName);
            isValid = false;
        }

        foreach (var parameter in method.Parameters.Where(p => p.RefKind != RefKind.None || p.Type.IsRefLikeType))
        {
            diagnostics.Report(DiagnosticDescriptors.ByReferenceParameter, parameter, displayName, parameter.Name);
            isValid = false;
        }

        var returnKind = ReturnKinds.Classify(method);
        if (returnKind is null)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedReturnType, method, displayName, method.ReturnType.ToDisplayString());
            isValid = false;
        }

        if (!isValid || returnKind is not { } kind)
        {
            return null;
        }

        return new GrainMethodModel(
            DeclaringInterface: TypeNames.FullyQualifiedName(method.ContainingType),
            Name: method.Name,
            EscapedName: TypeNames.EscapeIdentifier(method.Name),
            MethodId: methodId,
            ReturnKind: kind,
            ReturnType: TypeNames.FullyQualifiedName(method.ReturnType),
            ResultType: kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
                ? TypeNames.FullyQualifiedName(((INamedTypeSymbol)method.ReturnType).TypeArguments[0])
                : null,
            AlwaysInterleave: RuntimeSymbols.FindAttribute(method, "AlwaysInterleaveAttribute") is not null,
            ReadOnly: RuntimeSymbols.FindAttribute(method, "ReadOnlyAttribute") is not null,
            Parameters: new EquatableArray<RequestParameterModel>(method.Parameters.Select(ReadParameter)));
    }

    private static RequestParameterModel ReadParameter(IParameterSymbol parameter) =>
        new(
            TypeNames.EscapeIdentifier(parameter.Name),
            TypeNames.FullyQualifiedName(parameter.Type),
            NeedsNullForgivingDefault: parameter.Type.IsReferenceType && parameter.NullableAnnotation != NullableAnnotation.Annotated,
            IsCancellationToken: IsCancellationToken(parameter.Type));

    private static bool IsCancellationToken(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "CancellationToken", Arity: 0, ContainingType: null, ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
