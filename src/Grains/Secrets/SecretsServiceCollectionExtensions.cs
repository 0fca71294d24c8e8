using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Secrets;

internal static class SecretsServiceCollectionExtensions
{
    /// <summary>
    /// Adds what seals secrets at rest: the master keys (<see cref="MasterKeyOptions"/>, section
    /// <c>Integrations:Credentials</c>, validated on start unless told otherwise; generated into <c>.data/</c> in Development when none is
    /// configured), the key ring and the cipher, all silo singletons. Idempotent: integrations, webhooks and the cache call it.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="validateOnStart">
    /// Whether the host refuses to start without a master key. A feature that needs the keys only in some configurations
    /// (the cache, only with Redis) passes false and checks that case itself; the keys are still validated when first used.
    /// </param>
    public static IServiceCollection AddSecretsAtRest(this IServiceCollection services, bool validateOnStart = true)
    {
        if (validateOnStart)
        {
            services.AddOptions<MasterKeyOptions>().ValidateOnStart();
        }

        if (services.Any(d => d.ServiceType == typeof(SecretCipher)))
        {
            return services;
        }

        services.AddOptions<MasterKeyOptions>().BindConfiguration(MasterKeyOptions.Section);
        services.AddSingleton<IPostConfigureOptions<MasterKeyOptions>, DevelopmentMasterKey>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MasterKeyOptions>, MasterKeyOptionsValidator>());
        services.AddSingleton<MasterKeyRing>();
        services.AddSingleton<SecretCipher>();
        return services;
    }
}
