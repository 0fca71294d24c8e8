using System.Text.Json;

namespace MindPeeker.Grains.Integrations.Platforms;

/// <summary>What an outbound call needs: the integration's id, configuration and decrypted credentials (for this call only).</summary>
internal sealed record IntegrationTarget(Guid Id, JsonElement Configuration, IReadOnlyDictionary<string, string> Credentials);
