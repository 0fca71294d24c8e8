namespace MindPeeker.Grains.AiProviders;

/// <summary>How one session type is analysed (<c>AiProviders:SessionTypes:{session_type}</c>).</summary>
public sealed class SessionTypeRouteOptions
{
    /// <summary>
    /// <c>local</c> (default): the local ONNX model. <c>provider</c>: the provider's model chain instead.
    /// <c>local_then_provider</c>: the local model first, and the provider when the local finding misses the session's
    /// confidence threshold (the provider's finding is then the result).
    /// </summary>
    public string Mode { get; set; } = AnalysisModes.Local;

    /// <summary>The provider's name under <c>AiProviders:Providers</c>; required unless <see cref="Mode"/> is <c>local</c>.</summary>
    public string? Provider { get; set; }
}
