namespace MindPeeker.Grains.Analysis;

/// <summary>
/// What ONNX Runtime 1.29's CUDA plugin provider (npm <c>com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9</c>) loads:
/// the NVIDIA driver, CUDA 13 and cuDNN 9. Checked before the provider is registered so a missing piece is named.
/// </summary>
internal static class CudaRuntimeLibraries
{
    /// <summary>The npm package that ships <see cref="AnalysisOptions.CudaProviderLibraryFileName"/>.</summary>
    public const string NpmPackage = "com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9";

    /// <summary>Each library the provider needs and what provides it.</summary>
    public static IReadOnlyList<(string Library, string ProvidedBy)> Required { get; } =
    [
        ("libcuda.so.1", "the NVIDIA driver"),
        ("libcudart.so.13", "the CUDA 13 runtime"),
        ("libcublas.so.13", "CUDA 13 cuBLAS"),
        ("libcublasLt.so.13", "CUDA 13 cuBLAS"),
        ("libcurand.so.10", "CUDA 13 cuRAND"),
        ("libcudnn.so.9", "cuDNN 9 for CUDA 13"),
    ];

    /// <summary>What is wrong with the CUDA set-up on this machine, one sentence per problem; empty when all is there.</summary>
    public static IReadOnlyList<string> FindProblems(string providerLibrary, ISharedLibraryProbe probe)
    {
        var problems = new List<string>();
        if (!File.Exists(providerLibrary))
        {
            problems.Add(
                $"the CUDA execution provider library '{providerLibrary}' does not exist: add the npm package {NpmPackage} " +
                "to the repository's package.json, run 'npm ci --ignore-scripts' and rebuild (the build copies " +
                $"{AnalysisOptions.CudaProviderLibraryFileName} beside the application), or set Analysis:CudaProviderLibrary to its path");
        }

        var missing = Required.Where(library => !probe.CanLoad(library.Library)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(
                "the dynamic loader cannot find " +
                string.Join(", ", missing.Select(library => $"{library.Library} ({library.ProvidedBy})")) +
                ": install the NVIDIA driver, CUDA 13 (cudart, cuBLAS, cuRAND) and cuDNN 9, and make them loadable " +
                "(ldconfig or LD_LIBRARY_PATH)");
        }

        return problems;
    }
}
