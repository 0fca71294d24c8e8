using System.Text.Json;

namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// A validated request to create a session for <paramref name="OwnerId"/>. <paramref name="Metadata"/>
/// is a JSON object or absent; when it holds <c>"encrypted": true</c> the cue is opaque text.
/// </summary>
public sealed record CreateSession(Guid OwnerId, string Cue, string SessionType, SessionParameters Parameters, JsonElement? Metadata);
