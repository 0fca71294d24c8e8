namespace MindPeeker.Silo.Configuration;

/// <summary>Where grain state lives. Bound from <c>Storage</c>; the connection string from <c>ConnectionStrings:MindPeeker</c>.</summary>
public sealed class SiloStorageOptions
{
    public const string SectionName = "Storage";

    public const string ConnectionStringName = "MindPeeker";

    /// <summary><see cref="StorageProvider.PostgreSql"/> (default) or <see cref="StorageProvider.Memory"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.PostgreSql;

    public string? ConnectionString { get; set; }
}

public enum StorageProvider
{
    PostgreSql,
    Memory,
}
