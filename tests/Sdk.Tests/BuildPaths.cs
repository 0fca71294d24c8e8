using System.Reflection;

namespace MindPeeker.Sdk.Tests;

/// <summary>Where the build put the silo of the same configuration, and the repository root.</summary>
internal static class BuildPaths
{
    public static string SiloAssembly { get; } = Metadata("SiloAssemblyPath");

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    /// <summary>The <c>dotnet</c> host running these tests (the CLI sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(BuildPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
