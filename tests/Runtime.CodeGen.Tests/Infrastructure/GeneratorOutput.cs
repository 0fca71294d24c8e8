using System.Collections.Immutable;

namespace MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

/// <summary>What one generator run produced: the updated compilation, the generator's diagnostics and the run details.</summary>
internal sealed record GeneratorOutput(Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult RunResult)
{
    /// <summary>Warnings and errors of the compilation including the generated files.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<string> GeneratedHintNames =>
        RunResult.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName).ToList();

    public string GeneratedSource(string hintName) =>
        RunResult.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Emits and loads the compiled snippet; fails the test with the compiler's messages when it does not build.</summary>
    public CompiledGrainAssembly Load()
    {
        using var image = new MemoryStream();
        var result = Compilation.Emit(image);
        result.Success.Should().BeTrue(string.Join(Environment.NewLine, result.Diagnostics));
        image.Position = 0;
        return new CompiledGrainAssembly(image);
    }
}
