namespace MindPeeker.Runtime.Storage;

/// <summary>Well-known storage provider names.</summary>
public static class GrainStorageNames
{
    /// <summary>The provider used by <see cref="PersistentStateAttribute"/> when it names none.</summary>
    public const string Default = "Default";
}
