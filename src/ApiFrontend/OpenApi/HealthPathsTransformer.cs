using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Adds <c>GET /health/live</c> and <c>GET /health/ready</c>: health-check endpoints are not route handlers, so
/// the endpoint explorer does not see them. Both are anonymous and answer <c>{status, checks}</c>.
/// </summary>
internal sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    private const string SchemaName = "HealthReport";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaName] = Schema();
        document.Paths ??= [];
        document.Paths["/health/live"] = Path(document, "GetHealthLive", "Liveness: the process answers; no dependency is checked.");
        document.Paths["/health/ready"] = Path(document, "GetHealthReady", "Readiness: every readiness check passes (the cluster is reachable); 503 otherwise.");
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Path(OpenApiDocument document, string operationId, string summary) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Description = summary + " No authentication; not rate limited.",
                Tags = new HashSet<OpenApiTagReference> { new(ApiTags.Operations, document) },
                Security = [new OpenApiSecurityRequirement()],
                Responses = new OpenApiResponses
                {
                    ["200"] = Report("Healthy (or degraded).", document),
                    ["503"] = Report("Unhealthy.", document),
                    ["500"] = ProblemResponses.Create("Unexpected server error.", document),
                },
            },
        },
    };

    private static OpenApiResponse Report(string description, OpenApiDocument document) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
        },
    };

    private static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(StringComparer.Ordinal) { "status", "checks" },
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["status"] = Status(),
            ["checks"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each check by name.",
                MaxProperties = 100,
                AdditionalProperties = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["status"] = Status(),
                        ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MaxLength = 1000 },
                    },
                },
            },
        },
    };

    private static OpenApiSchema Status() => new()
    {
        Type = JsonSchemaType.String,
        Enum = [System.Text.Json.Nodes.JsonValue.Create("healthy"), System.Text.Json.Nodes.JsonValue.Create("degraded"), System.Text.Json.Nodes.JsonValue.Create("unhealthy")],
    };
}
