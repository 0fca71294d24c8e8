namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>
/// Where a remote call went, for error messages and logs (<c>silo 10.0.0.5:11111@3</c>, <c>gateway ...</c>,
/// <c>client ...</c>); formatted only when one is written, not per call.
/// </summary>
internal readonly record struct RemoteTarget(string Kind, object Address)
{
    public override string ToString() => Kind + " " + Address;
}
