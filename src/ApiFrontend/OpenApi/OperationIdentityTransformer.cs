using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MindPeeker.ApiFrontend.OpenApi;

/// <summary>
/// Gives every operation a tag (<see cref="ApiTags"/>) and an <c>operationId</c>: the endpoint's
/// <c>WithName</c> when it has one, else one built from the method and route
/// (<c>GET /v1/admin/audit</c> → <c>GetV1AdminAudit</c>).
/// </summary>
internal sealed class OperationIdentityTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? string.Empty;
        operation.Tags = new HashSet<OpenApiTagReference> { new(ApiTags.For(path), context.Document) };
        if (string.IsNullOrEmpty(operation.OperationId))
        {
            operation.OperationId = GeneratedId(context.Description.HttpMethod ?? "GET", path);
        }

        return Task.CompletedTask;
    }

    private static string GeneratedId(string method, string path)
    {
        var id = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Trim('{', '}').Split(':')[0];
            if (segment.StartsWith('{'))
            {
                id.Append("By");
            }

            foreach (var word in name.Split('-', '_', '.'))
            {
                id.Append(Pascal(word));
            }
        }

        return id.ToString();
    }

    private static string Pascal(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
