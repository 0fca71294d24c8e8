using System.Text.Json;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// One named operation every silo answers for <see cref="ISiloControl.AskAllAsync"/> (like a method of Orleans'
/// management grain, but extensible): registered on silos with
/// <see cref="Hosting.SiloControlServiceCollectionExtensions.AddSiloControlHandler{THandler}"/>. Handlers are
/// singletons called concurrently from any thread; they must not block and should answer within the caller's
/// per-silo timeout (<see cref="SiloControlOptions.AnswerTimeout"/>).
/// </summary>
public interface ISiloControlHandler
{
    /// <summary>The name callers ask for, unique per silo, for example <c>dashboard.silo</c>. Compared ordinally.</summary>
    string Name { get; }

    /// <summary>
    /// Answers one request with JSON. <paramref name="argument"/> is the caller's JSON argument (<c>null</c> JSON
    /// when none). An exception becomes <see cref="SiloControlAnswer.Error"/> (its message) on the caller's side.
    /// </summary>
    ValueTask<JsonElement> HandleAsync(JsonElement argument, CancellationToken cancellationToken);
}
