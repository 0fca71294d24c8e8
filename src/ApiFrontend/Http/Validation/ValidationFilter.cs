using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Http.Validation;

/// <summary>Answers 400 problem+json with <c>errors</c> when the endpoint's <typeparamref name="T"/> body is invalid.</summary>
internal sealed class ValidationFilter<T>(TimeProvider time) : IEndpointFilter
    where T : class, IValidatableRequest
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<T>().FirstOrDefault();
        var errors = request?.Validate(time) ?? new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] };
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, detail: "The request is invalid; see errors.");
        }

        return await next(context);
    }
}
