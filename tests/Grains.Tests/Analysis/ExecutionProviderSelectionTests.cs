using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using MindPeeker.Grains.Abstractions.Analysis;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>
/// <c>Analysis:ExecutionProvider</c> by configuration. No GPU is attached to the test machines, so the CUDA paths are
/// driven by a fixed library probe and, for ONNX Runtime's own refusal, by a file that is not a provider library.
/// </summary>
public sealed class ExecutionProviderSelectionTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("mindpeeker-ep-");

    public void Dispose() => _scratch.Delete(recursive: true);

    [Fact]
    public async Task Cpu_is_the_default_and_registers_no_execution_provider()
    {
        var probe = new FixedLibraryProbe();
        await using var host = await AnalysisTestHost.StartAsync(probe: probe);

        host.Catalog.ExecutionProvider.Should().Be("CPUExecutionProvider");
        probe.Asked.Should().BeEmpty("nothing about CUDA is looked at on a cpu silo");
        OrtEnv.Instance().GetEpDevices().Select(device => device.EpName).Should().NotContain("CUDAExecutionProvider");
        host.Logs.Entries.Should().ContainSingle(e => e.EventId.Id == 4010)
            .Which.Message.Should().Be("Analysis models run on CPUExecutionProvider: Analysis:ExecutionProvider is cpu");
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("CUDA")]
    public async Task Cuda_without_the_provider_library_or_cuda_refuses_to_start_and_says_what_to_install(string configured)
    {
        var missing = Path.Combine(_scratch.FullName, "libonnxruntime_providers_cuda.so");

        var act = () => AnalysisTestHost.StartAsync(Settings(configured, missing), probe: new FixedLibraryProbe());

        var message = (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message;
        message.Should().StartWith("Analysis:ExecutionProvider is 'cuda' but CUDA cannot be used on this silo: ")
            .And.Contain($"'{missing}' does not exist")
            .And.Contain("com.github.asus4.onnxruntime.linux-x64-gpu@0.4.9")
            .And.Contain("libcudart.so.13 (the CUDA 13 runtime)")
            .And.Contain("libcublas.so.13").And.Contain("libcudnn.so.9 (cuDNN 9 for CUDA 13)").And.Contain("libcuda.so.1 (the NVIDIA driver)")
            .And.Contain("set Analysis:ExecutionProvider to 'auto'");
    }

    [Fact]
    public async Task Cuda_with_the_provider_library_names_exactly_the_cuda_libraries_that_are_missing()
    {
        var provider = FakeProviderLibrary();
        var probe = new FixedLibraryProbe("libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcurand.so.10");

        var act = () => AnalysisTestHost.StartAsync(Settings("cuda", provider), probe: probe);

        var message = (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message;
        message.Should().Contain("the dynamic loader cannot find libcublasLt.so.13 (CUDA 13 cuBLAS), libcudnn.so.9 (cuDNN 9 for CUDA 13)")
            .And.Contain("LD_LIBRARY_PATH")
            .And.NotContain("does not exist")
            .And.NotContain("libcudart.so.13 (");
    }

    [Fact]
    public async Task Auto_without_cuda_warns_and_analyzes_on_the_cpu()
    {
        await using var host = await AnalysisTestHost.StartAsync(
            Settings("auto", Path.Combine(_scratch.FullName, "absent.so")), probe: new FixedLibraryProbe());

        host.Catalog.ExecutionProvider.Should().Be("CPUExecutionProvider");
        var warning = host.Logs.Entries.Should().ContainSingle(e => e.EventId.Id == 4011).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().StartWith("Analysis:ExecutionProvider is 'auto' and CUDA cannot be used, so the analysis models run on the CPU: ")
            .And.Contain("absent.so' does not exist").And.Contain("libcudart.so.13");
        host.Analyzer.Analyze(new AnalysisInput("dowsing", "Is it in the garden?", "yes_no", 0.5)).ResultType.Should().Be("yes_no");
    }

    [Fact]
    public async Task Auto_falls_back_to_the_cpu_when_onnx_runtime_cannot_load_the_provider_library()
    {
        var provider = FakeProviderLibrary();

        await using var host = await AnalysisTestHost.StartAsync(Settings("auto", provider), probe: FixedLibraryProbe.AllCudaLibraries());

        host.Catalog.ExecutionProvider.Should().Be("CPUExecutionProvider");
        host.Logs.Entries.Should().ContainSingle(e => e.EventId.Id == 4011)
            .Which.Message.Should().Contain($"ONNX Runtime could not load the CUDA execution provider from '{provider}'");
    }

    [Fact]
    public async Task Cuda_fails_start_up_with_onnx_runtimes_reason_when_it_cannot_load_the_provider_library()
    {
        var provider = FakeProviderLibrary();

        var act = () => AnalysisTestHost.StartAsync(Settings("cuda", provider), probe: FixedLibraryProbe.AllCudaLibraries());

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().StartWith("Analysis:ExecutionProvider is 'cuda' but CUDA cannot be used on this silo: ONNX Runtime could not load the CUDA execution provider from");
    }

    [Theory]
    [InlineData("Analysis:Batching:MaxBatchSize", "0", "Analysis:Batching:MaxBatchSize must be between 1 and 4096 (was 0).")]
    [InlineData("Analysis:Batching:MaxBatchWait", "00:00:00", "Analysis:Batching:MaxBatchWait must be more than 0 and at most 00:00:01 (was 00:00:00).")]
    [InlineData("Analysis:Batching:MaxBatchWait", "00:00:05", "Analysis:Batching:MaxBatchWait must be more than 0 and at most 00:00:01 (was 00:00:05).")]
    [InlineData("Analysis:CudaDeviceIndex", "-1", "Analysis:CudaDeviceIndex must be 0 or more (was -1).")]
    public async Task Out_of_range_settings_stop_start_up(string key, string value, string expected)
    {
        var act = () => AnalysisTestHost.StartAsync(new Dictionary<string, string?> { [key] = value });

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().Contain(expected);
    }

    private static Dictionary<string, string?> Settings(string provider, string library) => new()
    {
        ["Analysis:ExecutionProvider"] = provider,
        ["Analysis:CudaProviderLibrary"] = library,
    };

    /// <summary>A file where the provider library should be that is not a shared library, so ONNX Runtime's dlopen refuses it.</summary>
    private string FakeProviderLibrary()
    {
        var path = Path.Combine(_scratch.FullName, "libonnxruntime_providers_cuda.so");
        File.WriteAllText(path, "not an ELF file");
        return path;
    }
}
