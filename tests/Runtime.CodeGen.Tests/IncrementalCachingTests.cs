using Microsoft.CodeAnalysis.CSharp;
using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

namespace MindPeeker.Runtime.CodeGen.Tests;

public sealed class IncrementalCachingTests
{
    private static readonly string[] TrackedSteps =
    [
        TrackingNames.GrainInterfaces,
        TrackingNames.GrainClasses,
        TrackingNames.ManifestInterfaces,
        TrackingNames.ManifestClasses,
        TrackingNames.Manifest,
    ];

    [Fact]
    public void UnrelatedEdit_LeavesEveryStepAndOutputCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(NullableContextOptions.Enable, GreeterSample.Source, "namespace Other; public static class Helper { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 1, "namespace Other; public static class Helper { public static int Answer => 42; }");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason)
                .Should().OnlyContain(reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged, step);
        }

        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason)
            .Should().NotBeEmpty().And.OnlyContain(reason => reason == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void AddingAGrainMethod_RegeneratesThatInterfaceOnly()
    {
        var compilation = GeneratorHarness.CreateCompilation(NullableContextOptions.Enable, GreeterSample.Source, PingSource(string.Empty));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = ReplaceTree(compilation, 1, PingSource("System.Threading.Tasks.Task Pong();"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        result.TrackedSteps[TrackingNames.GrainInterfaces].SelectMany(s => s.Outputs)
            .Count(o => o.Reason == IncrementalStepRunReason.Modified).Should().Be(1);
        result.TrackedSteps[TrackingNames.Manifest].SelectMany(s => s.Outputs).Select(o => o.Reason)
            .Should().OnlyContain(
                reason => reason == IncrementalStepRunReason.Cached || reason == IncrementalStepRunReason.Unchanged,
                "the manifest lists interfaces, not their methods");
        result.GeneratedSources.Single(s => s.HintName == "Proxy_Other_IPing.g.cs").SourceText.ToString().Should().Contain("Pong");
    }

    private static string PingSource(string extraMember) => $$"""
        namespace Other;

        public interface IPing : MindPeeker.Runtime.IGrainWithStringKey
        {
            System.Threading.Tasks.Task Ping();
            {{extraMember}}
        }
        """;

    private static Compilation ReplaceTree(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, old.FilePath));
    }
}
