using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Adds the optional <c>deleted</c> tombstones of incremental-sync answers (<c>updated_since</c>, see
/// docs/data-lifecycle.md) to the list page schemas: the sync answer is the same page plus this member.
/// </summary>
internal sealed class IncrementalSyncSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (name.StartsWith("ListResponseOf", StringComparison.Ordinal) && schema is OpenApiSchema { Properties: { } properties })
            {
                properties["deleted"] = Tombstones();
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Tombstones() => new()
    {
        Type = JsonSchemaType.Array,
        Description = "Only in incremental-sync answers (`updated_since`): what was deleted since then, when `include_deleted=true` (else empty).",
        MaxItems = Http.Lists.ListQuery.MaxLimit,
        Items = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { "id", "deleted_at" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", MaxLength = 36 },
                ["deleted_at"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 64 },
            },
        },
    };
}
