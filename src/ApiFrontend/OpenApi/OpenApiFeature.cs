using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the public API at <c>GET /openapi/v1.json</c> (no authentication, never rate
/// limited). It is generated from the endpoints' own metadata at the first request and cached; the transformers
/// in this folder add what minimal APIs cannot state themselves: security schemes and per-operation
/// permissions, problem+json errors, rate-limit and idempotency headers, list parameters and the bounds the
/// OWASP lint asks for (see <c>docs/openapi.md</c>).
/// </summary>
public static class OpenApiFeature
{
    /// <summary>The document name; the route is <c>/openapi/v1.json</c>.</summary>
    public const string DocumentName = "v1";

    public static IServiceCollection AddOpenApiFeature(this IServiceCollection services)
    {
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddOperationTransformer<OperationIdentityTransformer>();
            options.AddOperationTransformer<OperationSecurityTransformer>();
            options.AddOperationTransformer<ListParametersTransformer>();
            options.AddOperationTransformer<IdempotencyKeyTransformer>();
            options.AddOperationTransformer<ErrorResponsesTransformer>();
            options.AddDocumentTransformer<DocumentDescriptionTransformer>();
            options.AddDocumentTransformer<HealthPathsTransformer>();
            options.AddDocumentTransformer<IncrementalSyncSchemaTransformer>();
            options.AddDocumentTransformer<ResponseHeadersTransformer>();
            options.AddDocumentTransformer<SchemaBoundsTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOpenApiFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}
