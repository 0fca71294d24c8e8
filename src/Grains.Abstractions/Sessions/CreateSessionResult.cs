namespace MindPeeker.Grains.Abstractions.Sessions;

/// <summary>
/// The answer to <see cref="ISessionGrain.Create"/>: the session, or the reasons it was refused by
/// field (for example <c>parameters.analysis_types</c> naming a type the session type's model lacks).
/// </summary>
public sealed record CreateSessionResult(SessionSnapshot? Session, IReadOnlyDictionary<string, string[]>? Errors)
{
    public static CreateSessionResult Refused(string field, string message) => new(null, new Dictionary<string, string[]> { [field] = [message] });
}
