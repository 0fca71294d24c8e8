using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;
using MindPeeker.Runtime.Manifest;

namespace MindPeeker.Runtime.CodeGen.Tests;

public sealed class GrainClassDescriptorTests
{
    [Theory]
    [InlineData("public sealed class SessionGrain", "session")]
    [InlineData("public sealed class Grain", "grain")]
    [InlineData("public sealed class ChatRoom", "chatroom")]
    [InlineData("[MindPeeker.Runtime.GrainType(\"custom-type\")] public sealed class PinnedGrain", "custom-type")]
    [InlineData("internal static class Outer { internal sealed class NestedGrain", "nested")]
    public void GrainType_IsPinnedNameOrLowerCasedClassNameWithoutGrainSuffix(string declaration, string expected)
    {
        var closing = declaration.Contains("Outer", StringComparison.Ordinal) ? "}" : string.Empty;
        var source = $$"""
            namespace Sample;

            public interface IPing : MindPeeker.Runtime.IGrainWithStringKey { System.Threading.Tasks.Task Ping(); }

            {{declaration}}(MindPeeker.Runtime.IGrainContext context) : MindPeeker.Runtime.Grain(context), IPing
            {
                public System.Threading.Tasks.Task Ping() => System.Threading.Tasks.Task.CompletedTask;
            }
            {{closing}}
            """;

        var descriptor = Describe(source).Should().ContainSingle().Subject;

        descriptor.GrainType.Should().Be(expected);
    }

    [Fact]
    public void Descriptor_CarriesInterfacesAndClassAttributes()
    {
        using var assembly = GeneratorHarness.Run(GreeterSample.Source).Load();
        var classes = assembly.PopulateManifest().Classes;

        var greeter = classes[assembly.GetType("Sample.GreeterGrain")];

        greeter.GrainType.Should().Be("greeter");
        greeter.Interfaces.Select(i => i.FullName).Should().BeEquivalentTo("Sample.IGreeterAdmin", "Sample.IGreeter");
        greeter.IsReentrant.Should().BeTrue("[Reentrant] on a base class applies to derived grain classes");
        greeter.StatelessWorkerMaxLocal.Should().Be(4);
        greeter.CollectionAge.Should().Be(TimeSpan.FromMinutes(90));
        greeter.AlwaysActive.Should().BeTrue();
    }

    [Fact]
    public void Descriptor_WithoutClassAttributes_UsesDefaults()
    {
        using var assembly = GeneratorHarness.Run(GreeterSample.Source).Load();

        var diamond = assembly.PopulateManifest().Classes[assembly.GetType("Sample.DiamondGrain")];

        diamond.Interfaces.Select(i => i.Name).Should().BeEquivalentTo("IDiamond", "ILeft", "IRight", "IRoot");
        diamond.IsReentrant.Should().BeFalse();
        diamond.StatelessWorkerMaxLocal.Should().Be(0);
        diamond.IsStatelessWorker.Should().BeFalse();
        diamond.CollectionAge.Should().BeNull();
        diamond.AlwaysActive.Should().BeFalse();
    }

    [Theory]
    [InlineData("[MindPeeker.Runtime.StatelessWorker]", -1)]
    [InlineData("[MindPeeker.Runtime.StatelessWorker(2)]", 2)]
    [InlineData("", 0)]
    public void StatelessWorker_LimitComesFromTheAttribute(string attribute, int expected)
    {
        var descriptor = Describe($$"""
            namespace Sample;

            public interface IPing : MindPeeker.Runtime.IGrainWithStringKey { System.Threading.Tasks.Task Ping(); }

            {{attribute}}
            public sealed class PingGrain(MindPeeker.Runtime.IGrainContext context) : MindPeeker.Runtime.Grain(context), IPing
            {
                public System.Threading.Tasks.Task Ping() => System.Threading.Tasks.Task.CompletedTask;
            }
            """).Single();

        descriptor.StatelessWorkerMaxLocal.Should().Be(expected);
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("[MindPeeker.Runtime.RolePlacement(\"gpu\")]", "gpu", false)]
    [InlineData("[MindPeeker.Runtime.PreferLocalPlacement]", null, true)]
    [InlineData("[MindPeeker.Runtime.RolePlacement(\"gpu\"), MindPeeker.Runtime.PreferLocalPlacement]", "gpu", true)]
    [InlineData("[MindPeeker.Runtime.RandomPlacement]", null, false)]
    [InlineData("[MindPeeker.Runtime.RolePlacement(\"analysis \\\"eu\\\"\")][MindPeeker.Runtime.RandomPlacement]", "analysis \"eu\"", false)]
    public void Placement_ComesFromTheClassAttributes(string attributes, string? expectedRole, bool expectedPreferLocal)
    {
        var descriptor = Describe($$"""
            namespace Sample;

            public interface IPing : MindPeeker.Runtime.IGrainWithStringKey { System.Threading.Tasks.Task Ping(); }

            {{attributes}}
            public sealed class PingGrain(MindPeeker.Runtime.IGrainContext context) : MindPeeker.Runtime.Grain(context), IPing
            {
                public System.Threading.Tasks.Task Ping() => System.Threading.Tasks.Task.CompletedTask;
            }
            """).Single();

        descriptor.PlacementRole.Should().Be(expectedRole);
        descriptor.PreferLocalPlacement.Should().Be(expectedPreferLocal);
    }

    [Fact]
    public void Placement_IsNotInherited_FromABaseGrainClass()
    {
        var descriptor = Describe("""
            namespace Sample;

            public interface IPing : MindPeeker.Runtime.IGrainWithStringKey { System.Threading.Tasks.Task Ping(); }

            [MindPeeker.Runtime.RolePlacement("gpu"), MindPeeker.Runtime.PreferLocalPlacement]
            public abstract class GpuGrain(MindPeeker.Runtime.IGrainContext context) : MindPeeker.Runtime.Grain(context);

            public sealed class PingGrain(MindPeeker.Runtime.IGrainContext context) : GpuGrain(context), IPing
            {
                public System.Threading.Tasks.Task Ping() => System.Threading.Tasks.Task.CompletedTask;
            }
            """).Single();

        descriptor.PlacementRole.Should().BeNull("the placement attributes are declared Inherited = false");
        descriptor.PreferLocalPlacement.Should().BeFalse();
    }

    [Fact]
    public void Activator_BuildsTheGrainFromContextStateAndServices()
    {
        using var assembly = GeneratorHarness.Run(GreeterSample.Source).Load();
        var grainClass = assembly.GetType("Sample.GreeterGrain");
        var clock = Activator.CreateInstance(assembly.GetType("Sample.FixedClock"))!;
        var services = new ServiceMap((assembly.GetType("Sample.IClock"), clock));
        var context = new FakeGrainContext(services);

        var grain = assembly.PopulateManifest().Classes[grainClass].Activator(services, context);

        grain.Should().BeOfType(grainClass);
        Property(grain, "Context").Should().BeSameAs(context);
        Property(grain, "Clock").Should().BeSameAs(clock);
        Property(grain, "Metrics").Should().BeNull("an optional service that is not registered is passed as null");
        Property(grain, "Title").Should().Be("hello", "a defaulted parameter keeps its default when no service is registered");
        Property(grain, "GreetingsState").Should().BeEquivalentTo(new { StateName = "greetings", StorageName = "store" });
        Property(grain, "SettingsState").Should().BeEquivalentTo(new { StateName = "settings", StorageName = (string?)null });
    }

    [Fact]
    public void Activator_WithoutARequiredService_FailsNamingTheServiceAndTheGrain()
    {
        using var assembly = GeneratorHarness.Run(GreeterSample.Source).Load();
        var services = new ServiceMap();
        var activator = assembly.PopulateManifest().Classes[assembly.GetType("Sample.GreeterGrain")].Activator;

        var activate = () => activator(services, new FakeGrainContext(services));

        activate.Should().Throw<InvalidOperationException>()
            .WithMessage("*Sample.GreeterGrain*Sample.IClock*");
    }

    private static List<GrainClassDescriptor> Describe(string source)
    {
        using var assembly = GeneratorHarness.Run(source).Load();
        return [.. assembly.PopulateManifest().Classes.Values];
    }

    private static object? Property(object instance, string name) =>
        instance.GetType().GetProperty(name)!.GetValue(instance);
}
