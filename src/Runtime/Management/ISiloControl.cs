using System.Text.Json;

namespace MindPeeker.Runtime.Management;

/// <summary>
/// Asks every silo of the cluster to run a named <see cref="ISiloControlHandler"/>: the local silo alone in a
/// single-silo host; every Joining, Active or ShuttingDown silo of the membership table in a cluster silo or a
/// cluster client (the front end). Thread-safe singleton.
/// </summary>
public interface ISiloControl
{
    /// <summary>
    /// One answer per silo, ordered by silo address. A silo that does not answer within
    /// <see cref="SiloControlOptions.AnswerTimeout"/> (or cannot be reached) is listed with <c>Answered = false</c>
    /// and an <see cref="SiloControlAnswer.Error"/>; a silo without a handler of that name, or whose handler
    /// threw, answers with <c>Answered = true</c>, no result and the error. Never throws for one silo's failure.
    /// </summary>
    Task<IReadOnlyList<SiloControlAnswer>> AskAllAsync(string name, JsonElement argument, CancellationToken cancellationToken = default);
}
