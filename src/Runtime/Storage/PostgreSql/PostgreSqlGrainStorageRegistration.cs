namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>
/// Marks a registered PostgreSQL grain storage provider, so the start-up migrator finds its database;
/// also the service key of the provider's <see cref="Npgsql.NpgsqlDataSource"/>, which no other registration can collide with.
/// </summary>
internal sealed record PostgreSqlGrainStorageRegistration(string Name);
