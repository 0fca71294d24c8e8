using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>Runs <see cref="GrainGenerator"/> over C# snippets compiled against the real runtime assembly.</summary>
internal static class GeneratorHarness
{
    public const string AssemblyName = "Sample.Grains";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public static GeneratorOutput Run(string source, NullableContextOptions nullable = NullableContextOptions.Enable) =>
        Run(CreateCompilation(nullable, source));

    public static GeneratorOutput Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorOutput(output, diagnostics, driver.GetRunResult());
    }

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation CreateCompilation(NullableContextOptions nullable, params string[] sources) =>
        CSharpCompilation.Create(
            AssemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable,
                warningLevel: 9999));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(Grain).Assembly.Location)
            .Where(path => !string.IsNullOrEmpty(path))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
