using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// States each operation's security from its authorization metadata: a JWT or an API key, either one, with
/// the permissions it needs as scopes (<c>sessions:read</c>); an anonymous operation gets the empty
/// requirement <c>{}</c> (OpenAPI's "no credentials needed").
/// </summary>
internal sealed class OperationSecurityTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = EndpointAccess.Of(context.Description);
        if (!access.RequiresAuthentication)
        {
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        operation.Security =
        [
            Requirement(SecuritySchemes.Bearer, access.Permissions, context.Document),
            Requirement(SecuritySchemes.ApiKey, access.Permissions, context.Document),
        ];
        if (access.Permissions.Count > 0)
        {
            var needs = string.Join(", ", access.Permissions.Select(p => $"`{p}`"));
            operation.Description = string.IsNullOrEmpty(operation.Description)
                ? $"Needs {needs}."
                : $"{operation.Description}\n\nNeeds {needs}.";
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, IReadOnlyList<string> scopes, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [.. scopes] };
}
