using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MindPeeker.Runtime.CodeGen.Models;

namespace MindPeeker.Runtime.CodeGen.Analysis;

/// <summary>
/// Collects the problems found while reading one grain or observer interface. A problem in a member
/// inherited from another grain or observer interface of this compilation makes this interface invalid too, but is
/// reported only once, by that interface; one inherited from elsewhere is reported here.
/// </summary>
internal sealed class GrainInterfaceDiagnostics(INamedTypeSymbol grainInterface)
{
    private readonly List<DiagnosticInfo> _diagnostics = [];

    public bool HasErrors { get; private set; }

    public EquatableArray<DiagnosticInfo> ToArray() => new(_diagnostics);

    public void Report(DiagnosticDescriptor descriptor, ISymbol at, params string[] messageArguments)
    {
        HasErrors = true;
        var declaringType = at as INamedTypeSymbol ?? at.ContainingType;
        if (IsThisInterface(declaringType))
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, at.Locations.FirstOrDefault(), messageArguments));
        }
        else if (!IsReportedByItsOwnInterface(declaringType))
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, grainInterface.Locations.FirstOrDefault(), messageArguments));
        }
    }

    private bool IsThisInterface(INamedTypeSymbol? type) =>
        SymbolEqualityComparer.Default.Equals(type, grainInterface);

    private static bool IsReportedByItsOwnInterface(INamedTypeSymbol? type) =>
        type is not null
        && RuntimeSymbols.IsCallableInterface(type)
        && type.OriginalDefinition.Locations.Any(location => location.IsInSource);
}
