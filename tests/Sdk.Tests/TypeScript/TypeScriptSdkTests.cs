namespace MindPeeker.Sdk.Tests.TypeScript;

/// <summary>
/// The TypeScript SDK (<c>sdk/typescript</c>): compiled with its pinned <c>typescript</c> to <c>dist/</c>, then its
/// <c>node --test</c> suite runs against the live server (URL and API key in <c>MINDPEEKER_BASE_URL</c> and
/// <c>MINDPEEKER_API_KEY</c>).
/// </summary>
[Collection(LiveServerCollection.Name)]
public sealed class TypeScriptSdkTests(LiveServer server)
{
    private static readonly string PackageDirectory = Path.Combine(BuildPaths.RepoRoot, "sdk", "typescript");

    [Fact]
    public async Task The_TypeScript_SDK_builds_and_its_node_tests_pass_against_the_live_server()
    {
        if (!File.Exists(Path.Combine(PackageDirectory, "node_modules", "typescript", "bin", "tsc")))
        {
            var install = await NodeProcess.RunAsync("npm", PackageDirectory, ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], null, TimeSpan.FromMinutes(5));
            install.ExitCode.Should().Be(0, $"npm ci in sdk/typescript: {install.StandardError}");
        }

        var build = await NodeProcess.RunAsync("node", PackageDirectory, [Path.Combine("node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], null, TimeSpan.FromMinutes(3));
        build.ExitCode.Should().Be(0, $"tsc: {build.StandardOutput} {build.StandardError}");

        var tests = await NodeProcess.RunAsync(
            "node",
            PackageDirectory,
            ["--test", "--test-reporter=spec", "test/"],
            new Dictionary<string, string>
            {
                ["MINDPEEKER_BASE_URL"] = server.BaseAddress.ToString().TrimEnd('/'),
                ["MINDPEEKER_API_KEY"] = server.ApiKey,
            },
            TimeSpan.FromMinutes(4));

        tests.ExitCode.Should().Be(0, $"node --test: {tests.StandardOutput} {tests.StandardError}{Environment.NewLine}Server:{Environment.NewLine}{server.Output}");
        tests.StandardOutput.Should().Contain("pass ").And.Contain("fail 0");
    }
}
