using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Resilience;

/// <summary>Checks the defaults and every override of <see cref="BulkheadOptions"/>, naming the bad setting.</summary>
internal sealed class BulkheadOptionsValidator : IValidateOptions<BulkheadOptions>
{
    public ValidateOptionsResult Validate(string? name, BulkheadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, BulkheadOptions.SectionName, options.MaxConcurrent, options.MaxQueue, options.QueueTimeout);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Overrides.Count; i++)
        {
            var entry = options.Overrides[i];
            var path = $"{BulkheadOptions.SectionName}:Overrides:{i}";
            if (string.IsNullOrEmpty(entry.Prefix))
            {
                failures.Add($"{path}:Prefix must name a dependency prefix such as 'ai:' or 'webhook:'.");
            }
            else if (!prefixes.Add(entry.Prefix))
            {
                failures.Add($"{path}:Prefix '{entry.Prefix}' is listed twice.");
            }

            Check(failures, path, entry.MaxConcurrent, entry.MaxQueue, entry.QueueTimeout);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string path, int? maxConcurrent, int? maxQueue, TimeSpan? queueTimeout)
    {
        if (maxConcurrent is < 1 or > 10_000)
        {
            failures.Add($"{path}:MaxConcurrent must be from 1 to 10000.");
        }

        if (maxQueue is < 0 or > 100_000)
        {
            failures.Add($"{path}:MaxQueue must be from 0 to 100000.");
        }

        if (queueTimeout is { } t && (t < TimeSpan.FromMilliseconds(1) || t > TimeSpan.FromMinutes(10)))
        {
            failures.Add($"{path}:QueueTimeout must be from 1 millisecond to 10 minutes.");
        }
    }
}
