namespace MindPeeker.Runtime.CodeGen.Models;

/// <summary>What the manifest needs of a valid grain interface: its type and its proxy.</summary>
internal sealed record ManifestInterfaceEntry(string TypeName, string ProxyName);
