namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>Connection states: created <see cref="Disconnected"/>; connect leads to <see cref="Connected"/> or <see cref="Error"/>.</summary>
public static class IntegrationStatus
{
    public const string Disconnected = "disconnected";

    public const string Connected = "connected";

    /// <summary>The last connect attempt failed; <see cref="IntegrationHealth.LastError"/> says why.</summary>
    public const string Error = "error";
}
