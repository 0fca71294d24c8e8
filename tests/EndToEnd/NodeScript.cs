using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MindPeeker.EndToEnd;

/// <summary>Runs a Node script from <c>tests/EndToEnd/Scripts</c> (resolving npm packages from the repository's node_modules) and parses the JSON it prints.</summary>
internal static class NodeScript
{
    public static async Task<JsonElement> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = BuildPaths.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(Path.Combine(BuildPaths.RepoRoot, "tests", "EndToEnd", "Scripts", script));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}. stderr: {await stderr}");
        }

        var output = (await stdout).Trim();
        var lastLine = output.Split('\n').LastOrDefault() ?? string.Empty;
        var report = new StringBuilder().Append("node ").Append(script).Append(" exited with ").Append(process.ExitCode)
            .Append(". stdout: ").Append(output).Append(" stderr: ").Append(await stderr).ToString();
        if (process.ExitCode != 0 || lastLine.Length == 0)
        {
            throw new InvalidOperationException(report);
        }

        return JsonDocument.Parse(lastLine).RootElement.Clone();
    }
}
