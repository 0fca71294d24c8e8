using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MindPeeker.ApiFrontend.Http.Validation;

/// <summary>Adds <see cref="ValidationFilter{T}"/> to an endpoint.</summary>
internal static class ValidationExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder)
        where T : class, IValidatableRequest =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    public static void AddError(this Dictionary<string, string[]> errors, string field, string message) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
