using System.Reflection;

namespace MindPeeker.Cluster.Tests.Harness;

/// <summary>Where the build put the test silo of the same configuration, and the <c>dotnet</c> host that runs it.</summary>
internal static class TestSiloPaths
{
    public static string Assembly { get; } =
        typeof(TestSiloPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestSiloAssemblyPath").Value
        ?? throw new InvalidOperationException("The build did not record TestSiloAssemblyPath.");

    /// <summary>The <c>dotnet</c> host running these tests (the CLI sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
