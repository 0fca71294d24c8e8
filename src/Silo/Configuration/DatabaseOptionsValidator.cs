using Microsoft.Extensions.Options;
using Npgsql;

namespace MindPeeker.Silo.Configuration;

/// <summary>Fails start-up with a message that says what to set when the database configuration cannot work.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "No PostgreSQL connection string: set ConnectionStrings__MindPeeker (for example " +
                "'Host=127.0.0.1;Port=5432;Username=postgres;Database=mindpeeker'), or start MindPeeker with ./scripts/run, " +
                "which provisions a local PostgreSQL.");
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
