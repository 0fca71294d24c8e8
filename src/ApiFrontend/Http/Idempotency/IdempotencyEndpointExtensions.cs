using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MindPeeker.ApiFrontend.Http.Idempotency;

/// <summary><c>Idempotency-Key</c> support for endpoints that create (API.md, "Conventions").</summary>
public static class IdempotencyEndpointExtensions
{
    /// <summary>
    /// Honors <c>Idempotency-Key</c> on this endpoint, scoped per user: the same key with the same
    /// body within 24 h answers the first response again (status, body, <c>Location</c>, plus
    /// <c>Idempotent-Replayed: true</c>); a different body → 422; while the first still runs → 409;
    /// a key over 255 characters → 400. Server errors are not stored, so a retry runs again.
    /// Needs <see cref="AddIdempotencyKeys"/>.
    /// </summary>
    public static TBuilder WithIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(OpenApi.IdempotencyKeyMetadata.Instance);

        // A "finally" convention runs after the request delegate (binding, filters, handler) was built, so it can wrap all of it.
        builder.Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"Endpoint {endpoint.DisplayName} has no request delegate.");
            endpoint.RequestDelegate = IdempotentRequestHandler.Wrap(inner);
        });
        return builder;
    }

    /// <summary>Adds <see cref="IdempotencyOptions"/> (section <c>Idempotency</c>, validated on start). Idempotent.</summary>
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
