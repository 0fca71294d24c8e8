using System.Reflection;
using MindPeeker.Runtime.CodeGen.Tests.Infrastructure;
using MindPeeker.Runtime.Invocation;

namespace MindPeeker.Runtime.CodeGen.Tests;

public sealed class ProxyTests : IDisposable
{
    private static readonly GrainId GreeterId = GrainId.Create("greeter", "alice");

    private readonly CompiledGrainAssembly _assembly = GeneratorHarness.Run(GreeterSample.Source).Load();

    public void Dispose() => _assembly.Dispose();

    [Theory]
    [InlineData("Sample.IGreeter")]
    [InlineData("Sample.IGreeterAdmin")]
    [InlineData("Sample.IDiamond")]
    [InlineData("Sample.Outer+INested")]
    public void Manifest_RegistersProxyFactory_ThatCreatesReferenceImplementingTheInterface(string interfaceName)
    {
        var grainInterface = _assembly.GetType(interfaceName);
        var builder = _assembly.PopulateManifest();

        var proxy = builder.Proxies[grainInterface](new RecordingCallInvoker(), GreeterId);

        proxy.Should().BeAssignableTo(grainInterface);
        proxy.GrainId.Should().Be(GreeterId);
    }

    [Fact]
    public void ProxyCall_SendsRequestCarryingMethodAndArguments()
    {
        var invoker = new RecordingCallInvoker();
        var greeter = CreateProxy("Sample.IGreeter", invoker);

        Call(greeter, "Sample.IGreeter", "Greet", "bob", 3);

        var (target, request) = invoker.Sent.Should().ContainSingle().Subject;
        target.Should().BeSameAs(greeter);
        request.Method.InterfaceType.Should().Be(_assembly.GetType("Sample.IGreeter"));
        request.Method.MethodName.Should().Be("Greet");
        request.Method.MethodId.Should().Be(0);
        request.Method.Options.Should().Be(GrainMethodOptions.None);
        request.ArgumentCount.Should().Be(2);
        request.GetArgument(0).Should().Be("bob");
        request.GetArgument(1).Should().Be(3);
        request.Invoking(r => r.GetArgument(2)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ProxyCall_PassesKeywordNamedAndNullArguments()
    {
        var invoker = new RecordingCallInvoker();

        Call(CreateProxy("Sample.IGreeter", invoker), "Sample.IGreeter", "Touch", null, 7);

        invoker.LastRequest.Method.MethodName.Should().Be("Touch");
        invoker.LastRequest.GetArgument(0).Should().BeNull();
        invoker.LastRequest.GetArgument(1).Should().Be(7);
    }

    [Theory]
    [InlineData("Peek", GrainMethodOptions.AlwaysInterleave)]
    [InlineData("Snapshot", GrainMethodOptions.ReadOnly)]
    [InlineData("Both", GrainMethodOptions.AlwaysInterleave | GrainMethodOptions.ReadOnly)]
    [InlineData("Count", GrainMethodOptions.None)]
    public void MethodAttributes_BecomeGrainMethodOptions(string methodName, GrainMethodOptions expected)
    {
        var invoker = new RecordingCallInvoker();
        var method = _assembly.GetType("Sample.IGreeter").GetMethod(methodName)!;
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(double) ? 1.0 : (object?)new[] { "x" }).ToArray();

        method.Invoke(CreateProxy("Sample.IGreeter", invoker), arguments);

        invoker.LastRequest.Method.Options.Should().Be(expected);
    }

    [Fact]
    public async Task ProxyCall_CompletesWithTheGrainsResult_ForEveryReturnShape()
    {
        var grain = Activator.CreateInstance(_assembly.GetType("Sample.GreeterImpl"))!;
        var greeter = CreateProxy("Sample.IGreeterAdmin", new RecordingCallInvoker(grain));

        (await CallAsync(greeter, "Sample.IGreeter", "Greet", "ab", 3)).Should().Be("ababab");
        (await CallAsync(greeter, "Sample.IGreeter", "Touch", "note", 5)).Should().BeNull();
        (await CallAsync(greeter, "Sample.IGreeter", "Count")).Should().Be(5);
        (await CallAsync(greeter, "Sample.IGreeter", "Reset")).Should().BeNull();
        (await CallAsync(greeter, "Sample.IGreeter", "Count")).Should().Be(0);
        (await CallAsync(greeter, "Sample.IGreeter", "Snapshot", new[] { "a", "z" }, 2.0)).Should().Be((2, "z"));
        (await CallAsync(greeter, "Sample.IAuditable", "AuditCount")).Should().Be(42L);
    }

    [Fact]
    public async Task ProxyCall_WhenTheGrainThrows_FaultsTheCallersTask()
    {
        var grain = Activator.CreateInstance(_assembly.GetType("Sample.GreeterImpl"))!;
        var admin = CreateProxy("Sample.IGreeterAdmin", new RecordingCallInvoker(grain));

        var call = () => CallAsync(admin, "Sample.IGreeterAdmin", "Shutdown", DateTimeOffset.UnixEpoch, new[] { "maintenance" });

        await call.Should().ThrowAsync<InvalidOperationException>().WithMessage("shutdown refused");
    }

    [Fact]
    public void InheritedMethods_AreSentUnderTheirDeclaringInterface_WithIdsInTheProxysOrder()
    {
        var invoker = new RecordingCallInvoker();
        var admin = CreateProxy("Sample.IGreeterAdmin", invoker);

        Call(admin, "Sample.IGreeterAdmin", "Shutdown", DateTimeOffset.UnixEpoch, Array.Empty<string>());
        Call(admin, "Sample.IGreeter", "Greet", "x", 1);
        Call(admin, "Sample.IAuditable", "AuditCount");

        invoker.Sent.Select(s => (s.Request.Method.InterfaceType.Name, s.Request.Method.MethodName, s.Request.Method.MethodId))
            .Should().Equal(("IGreeterAdmin", "Shutdown", 0), ("IGreeter", "Greet", 1), ("IAuditable", "AuditCount", 8));
    }

    [Fact]
    public void InheritedMethods_NameTheInterfaceOfTheProxyThatSentThem()
    {
        var invoker = new RecordingCallInvoker();

        Call(CreateProxy("Sample.IGreeterAdmin", invoker), "Sample.IGreeter", "Greet", "x", 1);
        Call(CreateProxy("Sample.IGreeter", invoker), "Sample.IGreeter", "Greet", "x", 1);
        Call(CreateProxy("Sample.IGreeterAdmin", invoker), "Sample.IGreeterAdmin", "Shutdown", DateTimeOffset.UnixEpoch, Array.Empty<string>());

        invoker.Sent.Select(s => (s.Request.Method.InterfaceType.Name, s.Request.Method.ProxyInterfaceType.Name, s.Request.Method.MethodId))
            .Should().Equal(("IGreeter", "IGreeterAdmin", 1), ("IGreeter", "IGreeter", 0), ("IGreeterAdmin", "IGreeterAdmin", 0));
    }

    [Fact]
    public void CreateRequest_ForEachMethodId_MakesTheRequestTheProxySendsForThatMethod()
    {
        var invoker = new RecordingCallInvoker();
        var adminType = _assembly.GetType("Sample.IGreeterAdmin");
        var admin = CreateProxy("Sample.IGreeterAdmin", invoker);
        foreach (var method in adminType.GetMethods().Concat(adminType.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            method.Invoke(admin, method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray());
        }

        var createRequest = _assembly.PopulateManifest().RequestFactories[adminType];

        invoker.Sent.Select(s => s.Request.Method.MethodId).Should().BeEquivalentTo(Enumerable.Range(0, 9));
        foreach (var (_, sent) in invoker.Sent)
        {
            var created = createRequest(sent.Method.MethodId);
            created.Should().BeOfType(sent.GetType(), "id {0} is {1}", sent.Method.MethodId, sent.Method.MethodName);
            created!.Method.Should().BeSameAs(sent.Method);
            created.Should().NotBeSameAs(sent, "each remote call needs a request of its own");
        }

        createRequest(9).Should().BeNull();
        createRequest(-1).Should().BeNull();
    }

    [Fact]
    public void DiamondInheritance_ImplementsTheSharedBaseMethodOnce()
    {
        var invoker = new RecordingCallInvoker();
        var diamond = CreateProxy("Sample.IDiamond", invoker);

        Call(diamond, "Sample.IRoot", "Root");

        invoker.LastRequest.Method.InterfaceType.Name.Should().Be("IRoot");
        diamond.GetType().GetInterfaceMap(_assembly.GetType("Sample.IRoot")).TargetMethods.Should().ContainSingle();
    }

    private GrainReference CreateProxy(string interfaceName, RecordingCallInvoker invoker) =>
        _assembly.PopulateManifest().Proxies[_assembly.GetType(interfaceName)](invoker, GreeterId);

    private object? Call(GrainReference proxy, string interfaceName, string methodName, params object?[] arguments) =>
        Method(interfaceName, methodName).Invoke(proxy, arguments);

    private Task<object?> CallAsync(GrainReference proxy, string interfaceName, string methodName, params object?[] arguments)
    {
        var method = Method(interfaceName, methodName);
        try
        {
            return Awaited.ResultOf(method, method.Invoke(proxy, arguments));
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            return Task.FromException<object?>(exception.InnerException);
        }
    }

    private MethodInfo Method(string interfaceName, string methodName) =>
        _assembly.GetType(interfaceName).GetMethod(methodName)!;
}
