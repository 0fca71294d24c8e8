using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>Lists the optional <c>Idempotency-Key</c> request header on operations that honor it (<see cref="IdempotencyKeyMetadata"/>).</summary>
internal sealed class IdempotencyKeyTransformer : IOpenApiOperationTransformer
{
    public const string HeaderName = "Idempotency-Key";

    public static bool Applies(OpenApiOperationTransformerContext context) =>
        context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().Any();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!Applies(context))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes retries safe: the same key with the same body within 24 h answers the first response again "
                + "(with `Idempotent-Replayed: true`); the same key with a different body answers 422; while the first request "
                + "still runs, 409. Keys are scoped per user; at most 255 characters.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 255 },
        });
        return Task.CompletedTask;
    }
}
