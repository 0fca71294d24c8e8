using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;

namespace MindPeeker.Runtime.CodeGen.Tests;

/// <summary>Observer interfaces (extending <c>IGrainObserver</c>) get requests and proxies like grain interfaces, but no grain class.</summary>
public sealed class ObserverInterfaceTests : IDisposable
{
    private const string Source = """
        using System.Threading.Tasks;
        using MindPeeker.Runtime;

        namespace Sample
        {
            public interface IChatObserver : IGrainObserver
            {
                Task Receive(string room, string message);
            }

            public interface IModeratorObserver : IChatObserver
            {
                ValueTask<bool> Approve(string message);
            }

            public interface IChatRoom : IGrainWithStringKey
            {
                Task Join(IChatObserver observer);
            }

            public sealed class ChatClient : IModeratorObserver
            {
                public string? Last;

                public Task Receive(string room, string message)
                {
                    Last = room + ": " + message;
                    return Task.CompletedTask;
                }

                public ValueTask<bool> Approve(string message) => new(message.Length < 10);
            }

            public sealed class ChatRoomGrain(IGrainContext context) : Grain(context), IChatRoom, IChatObserver
            {
                public Task Join(IChatObserver observer) => Task.CompletedTask;

                public Task Receive(string room, string message) => Task.CompletedTask;
            }
        }
        """;

    private static readonly GrainId ObserverId = GrainId.Create("observer", "client-1");

    private readonly GeneratorOutput _output = GeneratorHarness.Run(Source);
    private readonly CompiledGrainAssembly _assembly;

    public ObserverInterfaceTests()
    {
        _assembly = _output.Load();
    }

    public void Dispose() => _assembly.Dispose();

    [Fact]
    public void ObserverInterfaces_GetProxies_AndCompileWithoutWarnings()
    {
        _output.GeneratorDiagnostics.Should().BeEmpty();
        _output.CompilationProblems.Should().BeEmpty();
        _output.GeneratedHintNames.Should().BeEquivalentTo(
            "Proxy_Sample_IChatObserver.g.cs", "Proxy_Sample_IModeratorObserver.g.cs", "Proxy_Sample_IChatRoom.g.cs", "GrainManifest.g.cs");
    }

    [Theory]
    [InlineData("Sample.IChatObserver")]
    [InlineData("Sample.IModeratorObserver")]
    public void Manifest_RegistersObserverProxyAndRequestFactory(string interfaceName)
    {
        var observerType = _assembly.GetType(interfaceName);
        var manifest = _assembly.PopulateManifest();

        var proxy = manifest.Proxies[observerType](new RecordingCallInvoker(), ObserverId);

        proxy.Should().BeAssignableTo(observerType);
        proxy.GrainId.Should().Be(ObserverId);
        manifest.RequestFactories[observerType](0).Should().NotBeNull();
    }

    [Fact]
    public async Task ObserverProxyCall_ReachesTheObserverObject()
    {
        var client = Activator.CreateInstance(_assembly.GetType("Sample.ChatClient"))!;
        var observerType = _assembly.GetType("Sample.IModeratorObserver");
        var invoker = new RecordingCallInvoker(client);
        var proxy = _assembly.PopulateManifest().Proxies[observerType](invoker, ObserverId);

        var receive = _assembly.GetType("Sample.IChatObserver").GetMethod("Receive")!;
        await Awaited.ResultOf(receive, receive.Invoke(proxy, ["lobby", "hi"]));
        var approve = observerType.GetMethod("Approve")!;
        var approved = await Awaited.ResultOf(approve, approve.Invoke(proxy, ["short"]));

        client.GetType().GetField("Last")!.GetValue(client).Should().Be("lobby: hi");
        approved.Should().Be(true);
        invoker.Sent.Select(s => (s.Request.Method.InterfaceType.Name, s.Request.Method.ProxyInterfaceType.Name))
            .Should().Equal(("IChatObserver", "IModeratorObserver"), ("IModeratorObserver", "IModeratorObserver"));
    }

    [Fact]
    public void ClassesImplementingOnlyObserverInterfaces_AreNotGrainClasses_AndGrainsListOnlyGrainInterfaces()
    {
        var classes = _assembly.PopulateManifest().Classes;

        classes.Keys.Select(t => t.FullName).Should().Equal("Sample.ChatRoomGrain");
        classes[_assembly.GetType("Sample.ChatRoomGrain")].Interfaces.Select(i => i.FullName).Should().Equal("Sample.IChatRoom");
    }
}
