using Microsoft.Extensions.Options;
using Npgsql;

namespace MindPeeker.Runtime.Storage.PostgreSql;

/// <summary>Rejects options that cannot work before anything connects; messages never echo the connection string.</summary>
internal sealed class PostgreSqlGrainStorageOptionsValidator : IValidateOptions<PostgreSqlGrainStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = $"PostgreSQL grain storage '{name}'";
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            return ValidateOptionsResult.Fail($"{provider}: ServiceId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail($"{provider}: ConnectionString is required.");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail($"{provider}: ConnectionString has no Host.")
                : ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            // The parser's message can quote the offending fragment, which may be a password.
            return ValidateOptionsResult.Fail($"{provider}: ConnectionString is not a valid Npgsql connection string.");
        }
    }
}
