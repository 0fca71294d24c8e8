using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>The problem+json error body (RFC 9457 plus API.md's members) and the response objects that carry it.</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    public const string SchemaName = "ProblemDetails";

    public static OpenApiResponse Create(string description, OpenApiDocument? document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            [MediaType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
        },
    };

    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem: `type`, `title`, `status`, `detail`, `instance`, plus `success: false`, "
            + "`requestId` (also in the `X-Request-Id` header) and, for validation failures, `errors` (field → messages).",
        Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "success", "requestId" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", MaxLength = 2048 },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MaxLength = 4000 },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "uri-reference", MaxLength = 2048 },
            ["success"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Enum = [System.Text.Json.Nodes.JsonValue.Create(false)] },
            ["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100, Pattern = "^req_" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Validation failures: field name → messages.",
                MaxProperties = 100,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MaxItems = 20,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 1000 },
                },
            },
        },
    };
}
