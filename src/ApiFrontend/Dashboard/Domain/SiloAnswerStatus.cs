using MindPeeker.Runtime.Management;

namespace MindPeeker.ApiFrontend.Dashboard.Domain;

/// <summary>Whether one silo answered a dashboard question (its data is missing from the totals when not), and why not.</summary>
internal sealed record SiloAnswerStatus(string Silo, string SiloName, bool Answered, string? Error)
{
    public static IReadOnlyList<SiloAnswerStatus> Of(IReadOnlyList<SiloControlAnswer> answers) =>
        [.. answers.Select(a => new SiloAnswerStatus(a.Silo, a.SiloName, a.Answered && a.Result is not null, a.Error))];
}
