using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

namespace MindPeeker.Runtime.CodeGen.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using MindPeeker.Runtime;

        namespace Sample;

        """;

    [Theory]
    [InlineData("ref int value")]
    [InlineData("out int value")]
    [InlineData("in int value")]
    [InlineData("ref readonly int value")]
    [InlineData("System.Span<int> value")]
    public void MPG001_ByReferenceParameter_IsReportedAtTheParameter(string parameter)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey
            {
                Task Deposit({{parameter}});
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG001", "IAccount.Deposit", "'value'");
        SourceAt(output, diagnostic).Should().Be("value");
    }

    [Theory]
    [InlineData("void")]
    [InlineData("int")]
    [InlineData("IAsyncEnumerable<int>")]
    public void MPG002_UnsupportedReturnType_IsReportedAtTheMethod(string returnType)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey
            {
                {{returnType}} Balance();
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG002", "IAccount.Balance", returnType);
        SourceAt(output, diagnostic).Should().Be("Balance");
    }

    [Fact]
    public void MPG003_GenericMethod_IsReported()
    {
        var output = Run("""
            public interface IAccount : IGrainWithStringKey
            {
                Task<T> Convert<T>(int amount);
            }
            """);

        ShouldReportOnly(output, "MPG003", "IAccount.Convert");
    }

    [Fact]
    public void MPG004_GenericGrainInterface_IsReported()
    {
        var output = Run("""
            public interface IRepository<T> : IGrainWithStringKey
            {
                Task<T> Get();
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG004", "Sample.IRepository<T>");
        SourceAt(output, diagnostic).Should().Be("IRepository");
    }

    [Theory]
    [InlineData("int Balance { get; }", "property", "IAccount.Balance")]
    [InlineData("int this[int index] { get; }", "indexer", "IAccount.this[]")]
    [InlineData("event System.Action Changed;", "event", "IAccount.Changed")]
    public void MPG005_NonMethodMember_IsReported(string member, string kind, string memberName)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey
            {
                Task Ping();

                {{member}}
            }
            """);

        ShouldReportOnly(output, "MPG005", "Sample.IAccount", kind, memberName);
    }

    [Theory]
    [InlineData("private AccountGrain(IGrainContext context) : base(context) { }", "no public or internal constructor")]
    [InlineData("public AccountGrain(IGrainContext context) : base(context) { } public AccountGrain(IGrainContext context, int limit) : base(context) { } public AccountGrain(IGrainContext context, string name) : base(context) { }", "both take the most parameters (2)")]
    public void MPG006_GrainClassWithoutAnActivatorConstructor_IsReported(string constructors, string reason)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey { Task Ping(); }

            public sealed class AccountGrain : Grain, IAccount
            {
                {{constructors}}

                public Task Ping() => Task.CompletedTask;
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG006", "Sample.AccountGrain", reason);
        SourceAt(output, diagnostic).Should().Be("AccountGrain");
    }

    [Fact]
    public void MPG007_PersistentStateOnAnotherType_IsReportedAtTheParameter()
    {
        var output = Run("""
            public interface IAccount : IGrainWithStringKey { Task Ping(); }

            public sealed class AccountGrain([PersistentState("balance")] int balance, IGrainContext context) : Grain(context), IAccount
            {
                public int Balance { get; } = balance;

                public Task Ping() => Task.CompletedTask;
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG007", "'balance'", "Sample.AccountGrain", "'int'");
        SourceAt(output, diagnostic).Should().Be("balance");
    }

    [Fact]
    public void MPG008_PrivateNestedGrainInterface_IsReported()
    {
        var output = Run("""
            public sealed class Host
            {
                private interface IHidden : IGrainWithStringKey { Task Ping(); }
            }
            """);

        ShouldReportOnly(output, "MPG008", "Sample.Host.IHidden");
    }

    [Fact]
    public void MPG009_InterfaceThatIsBothGrainAndObserver_IsReportedAtTheInterface()
    {
        var output = Run("""
            public interface IChatObserver : IGrainObserver { Task Receive(string message); }

            public interface IConfused : IGrainWithStringKey, IChatObserver { Task Ping(); }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG009", "Sample.IConfused", "IGrain", "IGrainObserver");
        SourceAt(output, diagnostic).Should().Be("IConfused");
        output.GeneratedHintNames.Should().BeEquivalentTo("Proxy_Sample_IChatObserver.g.cs", "GrainManifest.g.cs");
    }

    [Fact]
    public void MPG009_IsReportedOnce_ByTheInterfaceThatMixedTheKinds_NotByThoseInheritingIt()
    {
        var output = Run("""
            public interface IConfused : IGrainWithGuidKey, IGrainObserver { Task Ping(); }

            public interface IMoreConfused : IConfused { Task Pong(); }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG009", "Sample.IConfused");
        SourceAt(output, diagnostic).Should().Be("IConfused");
        output.GeneratedHintNames.Should().BeEmpty();
    }

    [Theory]
    [InlineData("[RandomPlacement, PreferLocalPlacement]")]
    [InlineData("[PreferLocalPlacement]\n[RandomPlacement]")]
    [InlineData("[RolePlacement(\"gpu\"), RandomPlacement, PreferLocalPlacement]")]
    public void MPG010_RandomAndPreferLocalPlacement_IsReportedAtTheGrainClass(string attributes)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey { Task Ping(); }

            {{attributes}}
            public sealed class AccountGrain(IGrainContext context) : Grain(context), IAccount
            {
                public Task Ping() => Task.CompletedTask;
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG010", "Sample.AccountGrain", "[RandomPlacement]", "[PreferLocalPlacement]");
        SourceAt(output, diagnostic).Should().Be("AccountGrain");
        output.GeneratedSource("GrainManifest.g.cs").Should().NotContain("AccountGrain", "a grain class with errors is left out of the manifest");
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("null!")]
    public void MPG011_RolePlacementWithoutARole_IsReportedAtTheRoleArgument(string role)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey { Task Ping(); }

            [RolePlacement({{role}})]
            public sealed class AccountGrain(IGrainContext context) : Grain(context), IAccount
            {
                public Task Ping() => Task.CompletedTask;
            }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG011", "Sample.AccountGrain", "[RolePlacement]");
        SourceAt(output, diagnostic).Should().Be(role);
    }

    [Theory]
    [InlineData("[RolePlacement(\"gpu\"), PreferLocalPlacement]")]
    [InlineData("[RolePlacement(\"gpu\"), RandomPlacement]")]
    public void RolePlacement_CombinesWithEitherOtherPlacement_WithoutDiagnostics(string attributes)
    {
        var output = Run($$"""
            public interface IAccount : IGrainWithStringKey { Task Ping(); }

            {{attributes}}
            public sealed class AccountGrain(IGrainContext context) : Grain(context), IAccount
            {
                public Task Ping() => Task.CompletedTask;
            }
            """);

        output.GeneratorDiagnostics.Should().BeEmpty();
        output.CompilationProblems.Should().BeEmpty();
    }

    [Fact]
    public void InvalidMemberInheritedFromAnotherGrainInterface_IsReportedOnceAndSkipsBothProxies()
    {
        var output = Run("""
            public interface IBase : IGrainWithStringKey { Task Move(ref int distance); }

            public interface IDerived : IBase { Task Stop(); }

            public interface IUnrelated : IGrainWithStringKey { Task Ping(); }
            """);

        ShouldReportOnly(output, "MPG001", "IBase.Move");
        output.GeneratedHintNames.Should().BeEquivalentTo("Proxy_Sample_IUnrelated.g.cs", "GrainManifest.g.cs");
    }

    [Fact]
    public void InvalidMemberInheritedFromANonGrainInterface_IsReportedOnTheGrainInterface()
    {
        var output = Run("""
            public interface ISynchronous { int Compute(); }

            public interface IWorker : IGrainWithStringKey, ISynchronous { Task Ping(); }
            """);

        var diagnostic = ShouldReportOnly(output, "MPG002", "ISynchronous.Compute");
        SourceAt(output, diagnostic).Should().Be("IWorker");
    }

    private static GeneratorOutput Run(string declarations) => GeneratorHarness.Run(Usings + declarations);

    /// <summary>
    /// The generator reports exactly this error, its message names the member, and it emits nothing
    /// broken: the compilation has no other errors for the user to wade through.
    /// </summary>
    private static Diagnostic ShouldReportOnly(GeneratorOutput output, string id, params string[] messageParts)
    {
        var diagnostic = output.GeneratorDiagnostics.Should().ContainSingle().Subject;
        diagnostic.Id.Should().Be(id);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Descriptor.Category.Should().Be("MindPeeker.CodeGen");
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var part in messageParts)
        {
            message.Should().Contain(part);
        }

        output.CompilationProblems.Should().BeEmpty();
        return diagnostic;
    }

    /// <summary>The source text the diagnostic points at.</summary>
    private static string SourceAt(GeneratorOutput output, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = output.Compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
