using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Identity;

/// <summary>Services the identity grains need; the silo's composition root calls this.</summary>
public static class IdentityGrainServices
{
    public static IServiceCollection AddIdentityGrains(this IServiceCollection services)
    {
        services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SigningKeyOptions>, SigningKeyOptionsValidator>());
        return services;
    }
}
