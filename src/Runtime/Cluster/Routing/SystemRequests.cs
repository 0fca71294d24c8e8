namespace MindPeeker.Runtime.Cluster.Routing;

/// <summary>Requests the runtime answers itself, named by reserved interface names that no C# type can have.</summary>
internal static class SystemRequests
{
    /// <summary>Asks a silo for its interface → grain type map (JSON object); clients learn grain types this way.</summary>
    public const string Manifest = "$manifest";

    /// <summary>Asks a silo for its <see cref="SiloRuntimeReport"/> (JSON).</summary>
    public const string Statistics = "$statistics";

    /// <summary>
    /// Runs the silo control handler named by the message's method name with the JSON argument in its body
    /// (see <see cref="Management.ISiloControl"/>); answers the handler's JSON, or status Exception with the error text.
    /// </summary>
    public const string Control = "$control";
}
