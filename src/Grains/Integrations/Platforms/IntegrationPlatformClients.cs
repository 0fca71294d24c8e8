namespace MindPeeker.Grains.Integrations.Platforms;

/// <summary>The silo's platform clients by platform name. Immutable; thread-safe.</summary>
internal sealed class IntegrationPlatformClients(IEnumerable<IntegrationPlatformClient> clients)
{
    private readonly Dictionary<string, IntegrationPlatformClient> _byPlatform = clients.ToDictionary(c => c.Platform, StringComparer.Ordinal);

    /// <summary>The client of <paramref name="platform"/>; throws for a platform no client serves (validation prevents it).</summary>
    public IntegrationPlatformClient For(string platform) =>
        _byPlatform.TryGetValue(platform, out var client) ? client : throw new InvalidOperationException($"No client serves the platform '{platform}'.");
}
