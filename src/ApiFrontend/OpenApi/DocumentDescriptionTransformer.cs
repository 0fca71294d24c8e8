using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// The document-wide parts: info (contact, license), the server, the two security schemes, the tag list,
/// and the shared <c>ProblemDetails</c> schema the error responses reference.
/// </summary>
internal sealed class DocumentDescriptionTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "MindPeeker API",
            Version = "v1",
            Description = "The public REST API of MindPeeker. JSON members are snake_case; successful answers are wrapped in "
                + "`{success, data, message, timestamp, requestId}`; errors are RFC 9457 `application/problem+json`. "
                + "Lists page with `limit` and `starting_after`. Live session progress is the SignalR hub `/v1/ws` "
                + "(see docs/realtime.md); webhooks are signed per the Standard Webhooks specification.",
            Contact = new OpenApiContact { Name = "MindPeeker API team", Email = "api@mindpeeker.example", Url = new Uri("https://mindpeeker.example/support") },
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://mindpeeker.example/terms") },
        };
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "https://{host}",
                Description = "production: your deployment's front end behind TLS (local development serves plain HTTP on http://127.0.0.1:5080; point the SDKs at it directly).",
                Variables = new Dictionary<string, OpenApiServerVariable>(StringComparer.Ordinal)
                {
                    ["host"] = new() { Default = "api.mindpeeker.example", Description = "Host name (and port) of the front end." },
                },
                Extensions = new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal) { ["x-internal"] = new JsonNodeExtension(false) },
            },
        ];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = SecuritySchemes.Create();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProblemResponses.SchemaName] = ProblemResponses.Schema();

        // ErrorResponsesTransformer pointed every validation answer at ProblemDetails, which describes the same body.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");

        var used = DocumentOperations.All(document)
            .SelectMany(entry => entry.Operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .Append(ApiTags.Operations)
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = used.Order(StringComparer.Ordinal)
            .Select(name => new OpenApiTag { Name = name, Description = ApiTags.Descriptions.GetValueOrDefault(name, $"{name} endpoints.") })
            .ToHashSet();
        return Task.CompletedTask;
    }
}
