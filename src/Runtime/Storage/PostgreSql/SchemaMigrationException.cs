namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// The schema could not be brought up to date: the database is unreachable or refused the login,
/// a migration failed (and was rolled back), or an applied migration was edited. The message names
/// the server and database, never the password.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
