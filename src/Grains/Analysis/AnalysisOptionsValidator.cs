using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Analysis;

/// <summary>Checks that every session type's model file exists and the thread count is sane.</summary>
internal sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        var failures = new List<string>();
        if (options.IntraOpNumThreads is < 1 or > 64)
        {
            failures.Add($"Analysis:IntraOpNumThreads must be between 1 and 64 (was {options.IntraOpNumThreads}).");
        }

        if (string.IsNullOrWhiteSpace(options.ModelDirectory))
        {
            failures.Add("Analysis:ModelDirectory is required.");
        }
        else
        {
            failures.AddRange(AnalysisTypes.BySessionType.Keys
                .Select(sessionType => ModelCatalog.ModelPath(options.ModelDirectory, sessionType))
                .Where(path => !File.Exists(path))
                .Select(path => $"Analysis:ModelDirectory has no model file '{path}'."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
