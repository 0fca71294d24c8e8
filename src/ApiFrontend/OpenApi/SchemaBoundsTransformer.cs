using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Gives every schema in the document the bounds the OWASP lint asks for, from what the server really does:
/// numbers are numbers on the wire (the "or a numeric string" alternative that System.Text.Json's web defaults
/// add for reading is dropped); integers are bounded by their format (<c>int32</c>/<c>int64</c>) unless they say
/// more; list pages hold at most 100 items and other arrays at most <see cref="MaxArrayItems"/>; strings without
/// a bound get one from their format (uuid 36, date-time 64, uri 2048) or the 1 MiB request-body limit.
/// </summary>
internal sealed class SchemaBoundsTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The largest array any request or answer holds, unless its schema says less.</summary>
    public const int MaxArrayItems = 1000;

    /// <summary>A string can be no longer than the request-body limit (1 MiB) allows.</summary>
    public const int MaxStringLength = 1_048_576;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            var isPage = name.StartsWith("ListResponseOf", StringComparison.Ordinal);
            Visit(schema, seen, isPage);
        }

        foreach (var header in document.Components?.Headers?.Values ?? [])
        {
            Visit(header.Schema, seen, false);
        }

        foreach (var (_, operation) in DocumentOperations.All(document))
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                Visit(parameter.Schema, seen, false);
            }

            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
            {
                Visit(media.Schema, seen, false);
            }

            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                foreach (var media in response.Content?.Values ?? [])
                {
                    Visit(media.Schema, seen, false);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema? candidate, HashSet<OpenApiSchema> seen, bool isPage)
    {
        if (candidate is not OpenApiSchema schema || !seen.Add(schema))
        {
            return;
        }

        Bound(schema, isPage);
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            Visit(property, seen, isPage && name == "items");
        }

        Visit(schema.Items, seen, false);
        Visit(schema.AdditionalProperties, seen, false);
        foreach (var part in (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []))
        {
            Visit(part, seen, false);
        }
    }

    private static void Bound(OpenApiSchema schema, bool isPageItems)
    {
        var type = schema.Type ?? 0;
        if ((type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
            type = schema.Type.Value;
        }

        if ((type & JsonSchemaType.Integer) != 0)
        {
            schema.Format ??= "int32";
            var wide = schema.Format == "int64";
            schema.Minimum ??= (wide ? long.MinValue : int.MinValue).ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= (wide ? long.MaxValue : int.MaxValue).ToString(CultureInfo.InvariantCulture);
        }

        if ((type & JsonSchemaType.String) != 0 && schema.MaxLength is null && schema.Enum is not { Count: > 0 } && schema.Const is null)
        {
            schema.MaxLength = schema.Format switch
            {
                "uuid" => 36,
                "date-time" => 64,
                "date" => 10,
                "uri" or "uri-reference" => 2048,
                _ => MaxStringLength,
            };
        }

        if ((type & JsonSchemaType.Array) != 0 && schema.MaxItems is null)
        {
            schema.MaxItems = isPageItems ? Http.Lists.ListQuery.MaxLimit : MaxArrayItems;
        }
    }
}
