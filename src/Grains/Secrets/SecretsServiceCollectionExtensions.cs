using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Secrets;

internal static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Adds what seals secrets at rest: the master keys (<see cref="MasterKeyOptions"/>, section
    /// <c>Integrations:Credentials</c>, validated on start; generated into <c>.data/</c> in Development when none is
    /// configured), the key ring and the cipher, all silo singletons. Idempotent: integrations and webhooks both call it.
    /// </summary>
    public static IServiceCollection AddSecretsAtRest(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SecretCipher)))
        {
            return services;
        }

        services.AddOptions<MasterKeyOptions>().BindConfiguration(MasterKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<MasterKeyOptions>, DevelopmentMasterKey>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MasterKeyOptions>, MasterKeyOptionsValidator>());
        services.AddSingleton<MasterKeyRing>();
        services.AddSingleton<SecretCipher>();
        return services;
    }
}
