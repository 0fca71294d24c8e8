using Microsoft.Extensions.Options;

namespace MindPeeker.Grains.Analysis;

/// <summary>Checks that every session type's model file exists, the thread count is sane and the batching limits are in range.</summary>
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

        if (!Enum.IsDefined(options.ExecutionProvider))
        {
            failures.Add($"Analysis:ExecutionProvider must be cpu, cuda or auto (was {options.ExecutionProvider}).");
        }

        if (options.ExecutionProvider != AnalysisExecutionProvider.Cpu && string.IsNullOrWhiteSpace(options.CudaProviderLibrary))
        {
            failures.Add("Analysis:CudaProviderLibrary is required when Analysis:ExecutionProvider is cuda or auto.");
        }

        if (options.CudaDeviceIndex < 0)
        {
            failures.Add($"Analysis:CudaDeviceIndex must be 0 or more (was {options.CudaDeviceIndex}).");
        }

        var batching = options.Batching;
        if (batching is null)
        {
            failures.Add("Analysis:Batching is required.");
        }
        else
        {
            if (batching.MaxBatchSize is < 1 or > AnalysisBatchingOptions.MaxBatchSizeLimit)
            {
                failures.Add($"Analysis:Batching:MaxBatchSize must be between 1 and {AnalysisBatchingOptions.MaxBatchSizeLimit} (was {batching.MaxBatchSize}).");
            }

            if (batching.MaxBatchWait <= TimeSpan.Zero || batching.MaxBatchWait > AnalysisBatchingOptions.MaxBatchWaitLimit)
            {
                failures.Add($"Analysis:Batching:MaxBatchWait must be more than 0 and at most {AnalysisBatchingOptions.MaxBatchWaitLimit} (was {batching.MaxBatchWait}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
