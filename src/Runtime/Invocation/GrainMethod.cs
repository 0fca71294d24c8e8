namespace MindPeeker.Runtime.Invocation;

/// <summary>How a grain interface method may interleave with other calls.</summary>
[Flags]
public enum GrainMethodOptions
{
    None = 0,

    /// <summary>Declared <see cref="AlwaysInterleaveAttribute"/>.</summary>
    AlwaysInterleave = 1,

    /// <summary>Declared <see cref="ReadOnlyAttribute"/>.</summary>
    ReadOnly = 2,
}

/// <summary>
/// Static description of one grain interface method; one instance per generated request type,
/// shared by every call. Immutable.
/// </summary>
public sealed class GrainMethod(Type interfaceType, string methodName, int methodId, GrainMethodOptions options, Type? proxyInterfaceType = null)
{
    /// <summary>The interface that declares the method.</summary>
    public Type InterfaceType { get; } = interfaceType;

    /// <summary>
    /// The interface whose generated proxy issued the request (the declaring interface or one that
    /// inherits it); <see cref="MethodId"/> is a position in that proxy. Remote calls name it on the wire.
    /// </summary>
    public Type ProxyInterfaceType { get; } = proxyInterfaceType ?? interfaceType;

    public string MethodName { get; } = methodName;

    /// <summary>Position of the method in the generated proxy (stable for one build of the interface).</summary>
    public int MethodId { get; } = methodId;

    public GrainMethodOptions Options { get; } = options;

    public bool AlwaysInterleave => (Options & GrainMethodOptions.AlwaysInterleave) != 0;

    public bool IsReadOnly => (Options & GrainMethodOptions.ReadOnly) != 0;

    /// <summary><c>IFoo.Bar</c>: the name used in metrics and logs.</summary>
    public string DisplayName { get; } = interfaceType.Name + "." + methodName;

    public override string ToString() => DisplayName;
}
