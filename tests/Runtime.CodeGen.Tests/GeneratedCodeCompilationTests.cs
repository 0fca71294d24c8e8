using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

namespace MindPeeker.Runtime.CodeGen.Tests;

public sealed class GeneratedCodeCompilationTests
{
    [Theory]
    [InlineData(NullableContextOptions.Enable)]
    [InlineData(NullableContextOptions.Disable)]
    public void Sample_WithGeneratedCode_CompilesWithoutWarnings(NullableContextOptions nullable)
    {
        var source = nullable == NullableContextOptions.Enable
            ? GreeterSample.Source
            : GreeterSample.Source.Replace("?", string.Empty, StringComparison.Ordinal).Replace("null!", "null", StringComparison.Ordinal);

        var output = GeneratorHarness.Run(source, nullable);

        output.GeneratorDiagnostics.Should().BeEmpty();
        output.CompilationProblems.Should().BeEmpty();
    }

    [Fact]
    public void Generator_EmitsOneFilePerGrainInterfaceAndOneManifest()
    {
        var output = GeneratorHarness.Run(GreeterSample.Source);

        output.GeneratedHintNames.Should().BeEquivalentTo(
            "Proxy_Sample_IGreeter.g.cs",
            "Proxy_Sample_IGreeterAdmin.g.cs",
            "Proxy_Sample_IRoot.g.cs",
            "Proxy_Sample_ILeft.g.cs",
            "Proxy_Sample_IRight.g.cs",
            "Proxy_Sample_IDiamond.g.cs",
            "Proxy_Sample_Outer_INested.g.cs",
            "GrainManifest.g.cs");
    }

    [Fact]
    public void EdgeCases_CompileWithoutWarnings_AndPartialInterfacesAreGeneratedOnce()
    {
        var output = GeneratorHarness.Run("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MindPeeker.Runtime;

            public interface IGlobal : IGrainWithStringKey { Task Ping(); }

            namespace Sample
            {
                public enum Mode { A, B }

                public interface IHandler<T> { Task<T?> Handle(T item); }

                public partial interface ISplit : IGrainWithStringKey { Task First(); }

                public partial interface ISplit : IAddressable { Task Second(); }

                public partial interface ISplit { Task Third(); }

                public interface IEdge : IGrainWithGuidKey, IHandler<string>
                {
                    [Obsolete("use Ping")]
                    Task Old();

                    Task @event(int grain, string index, object? Arg0, int? invoker, CancellationToken cancellationToken = default);

                    ValueTask<int?[]> Values(Mode mode, params int[] values);
                }

                public sealed class EdgeGrain : Grain, IEdge, ISplit, IGlobal
                {
                    public EdgeGrain(IGrainContext context, Mode? mode = Mode.B, int? retries = -1, CancellationToken token = default, string? name = null, Uri? endpoint = null)
                        : base(context)
                    {
                    }

                    public Task Old() => Task.CompletedTask;

                    public Task @event(int grain, string index, object? Arg0, int? invoker, CancellationToken cancellationToken = default) => Task.CompletedTask;

                    public ValueTask<int?[]> Values(Mode mode, params int[] values) => new(new int?[0]);

                    public Task<string?> Handle(string item) => Task.FromResult<string?>(item);

                    public Task First() => Task.CompletedTask;

                    public Task Second() => Task.CompletedTask;

                    public Task Third() => Task.CompletedTask;

                    public Task Ping() => Task.CompletedTask;
                }
            }
            """);

        output.GeneratorDiagnostics.Should().BeEmpty();
        output.CompilationProblems.Should().BeEmpty();
        output.GeneratedHintNames.Should().BeEquivalentTo(
            "Proxy_IGlobal.g.cs", "Proxy_Sample_ISplit.g.cs", "Proxy_Sample_IEdge.g.cs", "GrainManifest.g.cs");
    }

    [Fact]
    public void Generator_OnCodeThatDoesNotCompile_DoesNotFail()
    {
        var output = GeneratorHarness.Run("""
            namespace Sample;

            public interface IBroken : MindPeeker.Runtime.IGrainWithStringKey, IMissing
            {
                System.Threading.Tasks.Task<Missing> Get(Unknown value);

                System.Threading.Tasks.Task Incomplete(
            }

            public sealed class BrokenGrain(Unknown dependency) : MindPeeker.Runtime.Grain, IBroken
            {
            }
            """);

        output.GeneratorDiagnostics.Should().NotContain(d => d.Id == "CS8784" || d.Id == "CS8785", "a generator exception would hide the user's real errors");
    }

    [Fact]
    public void Generator_WithoutGrainTypes_EmitsNothing()
    {
        var output = GeneratorHarness.Run("""
            namespace Sample;

            public interface IPlain : System.IDisposable { }

            public sealed class Plain : IPlain { public void Dispose() { } }
            """);

        output.GeneratedHintNames.Should().BeEmpty();
        output.GeneratorDiagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Manifest_ForGrainClassImplementingReferencedInterface_CompilesWithoutWarnings()
    {
        var interfaces = GeneratorHarness.Run("""
            namespace Contracts;

            public interface IPing : MindPeeker.Runtime.IGrainWithStringKey
            {
                System.Threading.Tasks.Task Ping();
            }
            """).Compilation;
        var grains = GeneratorHarness.CreateCompilation(NullableContextOptions.Enable, """
            namespace Grains;

            public sealed class PingGrain(MindPeeker.Runtime.IGrainContext context) : MindPeeker.Runtime.Grain(context), Contracts.IPing
            {
                public System.Threading.Tasks.Task Ping() => System.Threading.Tasks.Task.CompletedTask;
            }
            """).WithAssemblyName("Sample.Silo").AddReferences(interfaces.ToMetadataReference());

        var output = GeneratorHarness.Run(grains);

        output.CompilationProblems.Should().BeEmpty();
        output.GeneratedHintNames.Should().Equal("GrainManifest.g.cs");
        output.GeneratedSource("GrainManifest.g.cs").Should().Contain("typeof(global::Contracts.IPing)")
            .And.Contain("GrainManifest_Sample_Silo");
    }
}
