using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;

namespace MindPeeker.Grains.Analysis;

/// <summary>
/// Puts the configured execution provider (<see cref="AnalysisOptions.ExecutionProvider"/>) on the session options the
/// models are loaded with. <c>cpu</c> registers nothing. <c>cuda</c> and <c>auto</c> check the CUDA libraries, register
/// the CUDA plugin library with ONNX Runtime's plugin execution-provider API
/// (<see cref="OrtEnv.RegisterExecutionProviderLibrary"/>, once per process), pick the configured CUDA device from
/// <see cref="OrtEnv.GetEpDevices"/> and append it. When any step fails, <c>cuda</c> throws an
/// <see cref="InvalidOperationException"/> naming what is missing and how to fix it; <c>auto</c> logs that as a warning
/// and leaves the CPU provider.
/// </summary>
internal sealed class ExecutionProviderSelector(
    IOptions<AnalysisOptions> options,
    ISharedLibraryProbe probe,
    ILogger<ExecutionProviderSelector> logger)
{
    /// <summary>ONNX Runtime's name for its built-in CPU provider.</summary>
    public const string CpuProviderName = "CPUExecutionProvider";

    /// <summary>The name the CUDA plugin's devices report.</summary>
    public const string CudaProviderName = "CUDAExecutionProvider";

    private static readonly Lock RegistrationLock = new();
    private static readonly HashSet<string> RegisteredLibraries = new(StringComparer.Ordinal);

    /// <summary>Appends the selected provider to <paramref name="sessionOptions"/> and returns its name.</summary>
    /// <exception cref="InvalidOperationException">The provider is <c>cuda</c> and CUDA cannot be used here.</exception>
    public string Apply(SessionOptions sessionOptions)
    {
        var settings = options.Value;
        if (settings.ExecutionProvider == AnalysisExecutionProvider.Cpu)
        {
            AnalysisLog.ExecutionProviderSelected(logger, CpuProviderName, "Analysis:ExecutionProvider is cpu");
            return CpuProviderName;
        }

        var problems = CudaRuntimeLibraries.FindProblems(settings.CudaProviderLibrary, probe);
        string explanation;
        if (problems.Count > 0)
        {
            explanation = string.Join("; ", problems);
        }
        else if (TryAppendCuda(sessionOptions, settings, out var failure) is { } device)
        {
            AnalysisLog.ExecutionProviderSelected(logger, CudaProviderName, device);
            return CudaProviderName;
        }
        else
        {
            explanation = failure!;
        }

        if (settings.ExecutionProvider == AnalysisExecutionProvider.Cuda)
        {
            throw new InvalidOperationException(
                $"Analysis:ExecutionProvider is 'cuda' but CUDA cannot be used on this silo: {explanation}. " +
                "Fix that, or set Analysis:ExecutionProvider to 'auto' (fall back to the CPU) or 'cpu'.");
        }

        AnalysisLog.CudaUnavailableUsingCpu(logger, explanation);
        return CpuProviderName;
    }

    /// <summary>Registers the plugin and appends the chosen CUDA device; null and <paramref name="failure"/> when ONNX Runtime refuses.</summary>
    private static string? TryAppendCuda(SessionOptions sessionOptions, AnalysisOptions settings, out string? failure)
    {
        var library = Path.GetFullPath(settings.CudaProviderLibrary);
        try
        {
            var environment = OrtEnv.Instance();
            lock (RegistrationLock)
            {
                if (!RegisteredLibraries.Contains(library))
                {
                    environment.RegisterExecutionProviderLibrary("MindPeeker.CUDA." + RegisteredLibraries.Count, library);
                    RegisteredLibraries.Add(library);
                }
            }

            var devices = environment.GetEpDevices()
                .Where(device => device.EpName == CudaProviderName && device.HardwareDevice.Type == OrtHardwareDeviceType.GPU)
                .ToList();
            if (settings.CudaDeviceIndex >= devices.Count)
            {
                failure = $"the CUDA execution provider reports {devices.Count} GPU device(s), so Analysis:CudaDeviceIndex {settings.CudaDeviceIndex} does not exist " +
                    "(is a GPU attached and visible, e.g. CUDA_VISIBLE_DEVICES?)";
                return null;
            }

            var chosen = devices[settings.CudaDeviceIndex];
            sessionOptions.AppendExecutionProvider(environment, [chosen], new Dictionary<string, string>());
            failure = null;
            return $"GPU {settings.CudaDeviceIndex} ({chosen.HardwareDevice.Vendor} device {chosen.HardwareDevice.DeviceId}) through {library}";
        }
        catch (OnnxRuntimeException exception)
        {
            failure = $"ONNX Runtime could not load the CUDA execution provider from '{library}': {exception.Message}";
            return null;
        }
    }
}
