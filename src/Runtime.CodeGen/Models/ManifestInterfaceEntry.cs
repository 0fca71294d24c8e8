namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>What the manifest needs of a valid grain or observer interface: its type and its proxy (which also creates its requests).</summary>
internal sealed record ManifestInterfaceEntry(string TypeName, string ProxyName);
