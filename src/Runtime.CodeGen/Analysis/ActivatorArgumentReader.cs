using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>Decides where the activator gets each grain constructor argument from.</summary>
internal static class ActivatorArgumentReader
{
    /// <summary>Null when the parameter is marked [PersistentState] but is not an IPersistentState&lt;T&gt;.</summary>
    public static ActivatorArgumentModel? Read(IParameterSymbol parameter)
    {
        if (RuntimeSymbols.FindAttribute(parameter, "PersistentStateAttribute") is { } persistentState)
        {
            return ReadPersistentState(parameter, persistentState);
        }

        if (RuntimeSymbols.IsRuntimeType(parameter.Type, "IGrainContext"))
        {
            return new ActivatorArgumentModel(ActivatorArgumentKind.GrainContext, TypeNames.FullyQualifiedName(parameter.Type));
        }

        return parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated
            ? new ActivatorArgumentModel(ActivatorArgumentKind.OptionalService, TypeNames.FullyQualifiedName(parameter.Type), Fallback: OptionalFallback(parameter))
            : new ActivatorArgumentModel(ActivatorArgumentKind.Service, TypeNames.FullyQualifiedName(parameter.Type));
    }

    private static ActivatorArgumentModel? ReadPersistentState(IParameterSymbol parameter, AttributeData attribute)
    {
        if (!RuntimeSymbols.IsRuntimeType(parameter.Type.OriginalDefinition, "IPersistentState", arity: 1))
        {
            return null;
        }

        var arguments = attribute.ConstructorArguments;
        var stateName = arguments.Length > 0 ? arguments[0].Value as string : null;
        var storageName = arguments.Length > 1 ? arguments[1].Value as string : null;
        return new ActivatorArgumentModel(
            ActivatorArgumentKind.PersistentState,
            TypeNames.FullyQualifiedName(((INamedTypeSymbol)parameter.Type).TypeArguments[0]),
            StateName: stateName is null ? "null!" : TypeNames.QuoteString(stateName),
            StorageName: storageName is null ? "null" : TypeNames.QuoteString(storageName));
    }

    /// <summary>
    /// A missing optional service becomes the parameter's constant default where the type can hold
    /// it; a non-nullable parameter defaulted to null keeps the null its declaration asked for.
    /// </summary>
    private static string OptionalFallback(IParameterSymbol parameter)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return string.Empty;
        }

        var type = parameter.Type;
        var nullableUnderlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0]
            : null;
        return parameter.ExplicitDefaultValue switch
        {
            null when type.IsReferenceType && parameter.NullableAnnotation == NullableAnnotation.NotAnnotated => "!",
            null => string.Empty,
            { } value when nullableUnderlying is not null || type.IsReferenceType =>
                $" ?? ({TypeNames.FullyQualifiedName(nullableUnderlying ?? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated))})({SymbolDisplay.FormatPrimitive(value, quoteStrings: true, useHexadecimalNumbers: false)})",
            _ => string.Empty,
        };
    }
}
