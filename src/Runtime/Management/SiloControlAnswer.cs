using System.Text.Json;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// One silo's answer to <see cref="ISiloControl.AskAllAsync"/>. <paramref name="Silo"/> is the silo address
/// (<c>local</c> in a single-silo host); <paramref name="Answered"/> is false when the silo did not reply in time or
/// could not be reached; <paramref name="Result"/> is the handler's JSON when it succeeded; <paramref name="Error"/>
/// says what went wrong otherwise.
/// </summary>
public sealed record SiloControlAnswer(string Silo, string SiloName, bool Answered, JsonElement? Result, string? Error);
