using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Integrations;

/// <summary>
/// A PATCH: members left <see langword="null"/> stay as they are. <see cref="Configuration"/> is the configuration after
/// the change (the front end merges the patch's top-level members into the current one); <see cref="Credentials"/>
/// replaces all credentials and re-encrypts them.
/// </summary>
public sealed record IntegrationChanges(string? Name = null, JsonElement? Configuration = null, IReadOnlyDictionary<string, string>? Credentials = null);
