using Microsoft.Extensions.Options;
using Npgsql;

namespace MindPeeker.Silo.Configuration;

/// <summary>Fails start-up with a message that says what to set when the storage configuration cannot work.</summary>
internal sealed class SiloStorageOptionsValidator : IValidateOptions<SiloStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloStorageOptions options)
    {
        if (options.Provider != StorageProvider.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "No PostgreSQL connection string: set ConnectionStrings__MindPeeker (for example " +
                "'Host=127.0.0.1;Port=5432;Username=postgres;Database=mindpeeker'), start MindPeeker with ./scripts/run, " +
                "which provisions one, or set Storage__Provider=Memory for a throwaway in-memory silo.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:MindPeeker is not a valid PostgreSQL connection string: {exception.Message}");
        }

        return ValidateOptionsResult.Success;
    }
}
