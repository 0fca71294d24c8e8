namespace MindPeeker.Grains.AiProviders;

/// <summary>The values of <see cref="SessionTypeRouteOptions.Mode"/> (compared ordinally, lower-case).</summary>
public static class AnalysisModes
{
    public const string Local = "local";

    public const string Provider = "provider";

    public const string LocalThenProvider = "local_then_provider";

    public static IReadOnlyList<string> All { get; } = [Local, Provider, LocalThenProvider];
}
