using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MindPeeker.ApiFrontend.Http.Idempotency;

namespace MindPeeker.ApiFrontend.Webhooks;

/// <summary>Webhooks: the /v1/webhooks endpoints over the webhook grains: registration and endpoints.</summary>
public static class WebhooksFeature
{
    public static IServiceCollection AddWebhooksFeature(this IServiceCollection services) => services.AddIdempotencyKeys();

    public static IEndpointRouteBuilder MapWebhooksFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/webhooks").MapWebhooksApi();
        return endpoints;
    }
}
