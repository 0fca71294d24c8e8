namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// The OpenAI-compatible AI providers and which session types analyse through them (<c>AiProviders</c> section,
/// validated on start). Session types not listed under <see cref="SessionTypes"/> run on the local models only.
/// </summary>
public sealed class AiProvidersOptions
{
    public const string SectionName = "AiProviders";

    /// <summary>Providers by name (the <c>{provider}</c> of circuit breaker names <c>ai:{provider}:{model}</c>).</summary>
    public Dictionary<string, AiProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Routing per session type (<c>remote_viewing</c>, ...).</summary>
    public Dictionary<string, SessionTypeRouteOptions> SessionTypes { get; set; } = new(StringComparer.Ordinal);
}
