namespace MindPeeker.Grains.Secrets;

/// <summary>
/// <c>Integrations:Credentials</c>: the master keys that every secret at rest is encrypted under — integration
/// credentials and webhook signing secrets (the section keeps its first user's name so existing deployments keep
/// working; each purpose derives its own data keys, <see cref="SecretPurpose"/>). Each key is a
/// version (a positive whole number) mapped to the base64 of 32 random bytes; new encryptions use
/// <see cref="ActiveVersion"/> (default: the highest version), and older versions stay configured until every stored
/// secret was re-encrypted (automatic at start, docs/integrations.md). Never logged. Validated on start.
/// </summary>
public sealed class MasterKeyOptions
{
    public const string Section = "Integrations:Credentials";

    /// <summary>Version → base64 of a 32-byte master key, e.g. <c>Integrations__Credentials__MasterKeys__2=$(openssl rand -base64 32)</c>.</summary>
    public Dictionary<string, string> MasterKeys { get; set; } = [];

    /// <summary>The version new encryptions use; must be one of <see cref="MasterKeys"/>. Default: the highest.</summary>
    public int? ActiveVersion { get; set; }

    /// <summary>
    /// Only when no master key is configured: the file holding a key generated on first start (a local machine's key,
    /// next to its data; <c>./scripts/run</c> and <c>./scripts/cluster</c> set it). Set, it is used in any environment;
    /// unset, the Development environment defaults to <c>.data/integration-master-keys.json</c> in the repository (the
    /// folder holding <c>MindPeeker.sln</c> above the content root), else under the content root, and other
    /// environments refuse to start without a master key.
    /// </summary>
    public string? DevelopmentKeyFile { get; set; }
}
