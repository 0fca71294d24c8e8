using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MindPeeker.Grains.Outbound;
using MindPeeker.Grains.Resilience;

namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The configured providers, each created on first use with its own SSRF-guarded HTTP handler, budget and chat clients. A silo
/// singleton; thread-safe. Disposing it disposes the providers and their handlers.
/// </summary>
internal sealed class AiProviderRegistry(
    IOptions<AiProvidersOptions> options,
    OutboundHttpClientFactory outbound,
    DependencyGuard guard,
    TimeProvider time,
    AiProviderMetrics metrics,
    ILoggerFactory loggers) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (OpenAiCompatibleProvider Provider, HttpMessageHandler Handler)> _providers = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggers.CreateLogger<OpenAiCompatibleProvider>();

    /// <summary>The provider named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No provider of that name is configured.</exception>
    public OpenAiCompatibleProvider Get(string name)
    {
        lock (_lock)
        {
            if (_providers.TryGetValue(name, out var existing))
            {
                return existing.Provider;
            }

            if (!options.Value.Providers.TryGetValue(name, out var provider))
            {
                throw new KeyNotFoundException($"No AI provider '{name}' is configured under AiProviders:Providers.");
            }

            // Its own SSRF-guarded handler (own connection pool): the provider's endpoint is checked at every connect.
            var handler = outbound.CreateHandler();
            var created = new OpenAiCompatibleProvider(name, provider, handler, guard, time, _logger, metrics);
            _providers[name] = (created, handler);
            AiProviderLog.Configured(_logger, name, provider.BaseUrl!, string.Join(" -> ", provider.Models), provider.RequestsPerMinute, provider.TokensPerMinute);
            return created;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var (provider, handler) in _providers.Values)
            {
                provider.Dispose();
                handler.Dispose();
            }

            _providers.Clear();
        }
    }
}
