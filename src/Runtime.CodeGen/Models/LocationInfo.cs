using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>A source location without the syntax tree, so models holding it stay cacheable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is { IsInSource: true, SourceTree: { } tree }
            ? new LocationInfo(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span)
            : null;
}
