namespace MindPeeker.Silo.Configuration;

/// <summary>MindPeeker's PostgreSQL database: grain state and the product's tables. From <c>ConnectionStrings:MindPeeker</c>.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "MindPeeker";

    public string? ConnectionString { get; set; }
}
