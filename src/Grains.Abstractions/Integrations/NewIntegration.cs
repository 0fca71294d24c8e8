using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// An integration to create, already validated by <see cref="IntegrationRules.Validate"/>. <see cref="Credentials"/> are
/// plaintext only on this call's way to the grain, which encrypts them before they are stored.
/// </summary>
public sealed record NewIntegration(
    IntegrationCaller Owner,
    string Name,
    string Type,
    string Platform,
    IReadOnlyDictionary<string, string> Credentials,
    JsonElement Configuration);
