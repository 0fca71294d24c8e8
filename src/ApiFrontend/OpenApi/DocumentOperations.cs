using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>Enumerates a document's operations with their paths, for the document transformers.</summary>
internal static class DocumentOperations
{
    public static IEnumerable<(string Path, OpenApiOperation Operation)> All(OpenApiDocument document)
    {
        foreach (var (path, item) in document.Paths ?? [])
        {
            if (item.Operations is not { } operations)
            {
                continue;
            }

            foreach (var operation in operations.Values)
            {
                yield return (path, operation);
            }
        }
    }
}
