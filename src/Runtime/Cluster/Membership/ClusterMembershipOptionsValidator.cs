using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Cluster.Membership;

/// <summary>Rejects membership timings the protocol cannot work with, naming each offending setting.</summary>
internal sealed class ClusterMembershipOptionsValidator : IValidateOptions<ClusterMembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        RequirePositive(failures, nameof(options.ProbePeriod), options.ProbePeriod);
        RequirePositive(failures, nameof(options.ProbeTimeout), options.ProbeTimeout);
        RequirePositive(failures, nameof(options.DeathVoteExpiration), options.DeathVoteExpiration);
        RequirePositive(failures, nameof(options.IAmAlivePeriod), options.IAmAlivePeriod);
        RequirePositive(failures, nameof(options.TableRefreshPeriod), options.TableRefreshPeriod);
        RequirePositive(failures, nameof(options.DefunctSiloExpiration), options.DefunctSiloExpiration);
        RequirePositive(failures, nameof(options.DefunctSiloCleanupPeriod), options.DefunctSiloCleanupPeriod);
        RequireAtLeastOne(failures, nameof(options.NumMissedProbesLimit), options.NumMissedProbesLimit);
        RequireAtLeastOne(failures, nameof(options.NumProbedSilos), options.NumProbedSilos);
        RequireAtLeastOne(failures, nameof(options.NumVotesForDeathDeclaration), options.NumVotesForDeathDeclaration);
        if (options.ProbeTimeout >= options.ProbePeriod)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:{nameof(options.ProbeTimeout)} ({options.ProbeTimeout}) must be shorter than {nameof(options.ProbePeriod)} ({options.ProbePeriod}).");
        }

        if (options.DeathVoteExpiration <= options.ProbePeriod * options.NumMissedProbesLimit)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:{nameof(options.DeathVoteExpiration)} ({options.DeathVoteExpiration}) must be longer than "
                + $"{nameof(options.ProbePeriod)} × {nameof(options.NumMissedProbesLimit)}, or votes expire before a second voter can join them.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:{setting} must be positive (was {value}).");
        }
    }

    private static void RequireAtLeastOne(List<string> failures, string setting, int value)
    {
        if (value < 1)
        {
            failures.Add($"{ClusterMembershipOptions.SectionName}:{setting} must be at least 1 (was {value}).");
        }
    }
}
