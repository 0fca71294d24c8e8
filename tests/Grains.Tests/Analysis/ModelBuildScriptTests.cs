using System.Diagnostics;

namespace MindPeeker.Grains.Tests.Analysis;

/// <summary>The committed models are exactly what <c>build_models.py</c> builds.</summary>
public sealed class ModelBuildScriptTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _output = Directory.CreateTempSubdirectory("mindpeeker-models-").FullName;

    [Fact]
    public async Task Build_script_reproduces_the_committed_models_and_reference_outputs_byte_for_byte()
    {
        var result = await RunBuildScriptAsync();

        result.ExitCode.Should().Be(0, "the build script must run ({0} needs python3-onnx and python3-numpy); stderr: {1}", Python, result.Error);
        var committed = Directory.GetFiles(ReferenceData.ModelsSourceDirectory)
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".onnx", StringComparison.Ordinal) || name.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        committed.Should().BeEquivalentTo(
            ["dowsing.onnx", "intuitive_analysis.onnx", "precognition.onnx", "reference_outputs.json", "remote_viewing.onnx"]);
        Directory.GetFiles(_output).Select(Path.GetFileName).Should().BeEquivalentTo(committed);
        foreach (var name in committed)
        {
            var rebuilt = await File.ReadAllBytesAsync(Path.Combine(_output, name!));
            var expected = await File.ReadAllBytesAsync(Path.Combine(ReferenceData.ModelsSourceDirectory, name!));
            rebuilt.SequenceEqual(expected).Should().BeTrue("{0} must be rebuilt identically; rerun build_models.py and commit the result", name);
        }
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private async Task<(int ExitCode, string Error)> RunBuildScriptAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { Path.Combine(ReferenceData.ModelsSourceDirectory, "build_models.py"), "--out", _output },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
