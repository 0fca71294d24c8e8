using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MindPeeker.ApiFrontend.ApiKeys;
using MindPeeker.ApiFrontend.Identity.Tokens;
using MindPeeker.ApiFrontend.Security;

namespace MindPeeker.ApiFrontend.Identity;

/// <summary>Identity, API keys, authentication and authorization: registration and endpoints.</summary>
public static class IdentityFeature
{
    public static IServiceCollection AddIdentityFeature(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>());
        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<IdentityOptions>>((kestrel, identity) => kestrel.Limits.MaxRequestBodySize = identity.Value.MaxRequestBodyBytes);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RoleCatalog>();
        services.AddSingleton<SigningKeyCache>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<TokenPair>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();

        services.AddAuthentication(AuthenticationSchemes.BearerOrApiKey)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(AuthenticationSchemes.Bearer, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthenticationSchemes.ApiKey, null)
            .AddPolicyScheme(AuthenticationSchemes.BearerOrApiKey, "JWT or API key", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AuthenticationSchemes.ApiKeyHeader) ? AuthenticationSchemes.ApiKey : AuthenticationSchemes.Bearer);
        services.AddAuthorization();
        return services;
    }

    /// <summary>
    /// The body-size limit, then authentication. Authorization is added by the composition root after the rate
    /// limiter, so refused and unauthenticated requests are charged too (no free API-key guessing).
    /// </summary>
    public static IApplicationBuilder UseIdentityFeature(this IApplicationBuilder app)
    {
        var limit = app.ApplicationServices.GetRequiredService<IOptions<IdentityOptions>>().Value.MaxRequestBodyBytes;
        app.Use(RequestBodyLimit.Middleware(limit));
        app.UseAuthentication();
        return app;
    }

    public static IEndpointRouteBuilder MapIdentityFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/auth").MapAuthApi();
        endpoints.MapGroup("/v1/users").MapUsersApi();
        endpoints.MapGroup("/v1/api-keys").MapApiKeysApi();
        endpoints.MapGroup("/v1/admin/signing-keys").MapSigningKeysApi();
        endpoints.MapJwks();
        return endpoints;
    }
}
