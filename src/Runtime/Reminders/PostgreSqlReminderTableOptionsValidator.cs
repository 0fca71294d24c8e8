using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Reminders;

internal sealed class PostgreSqlReminderTableOptionsValidator : IValidateOptions<PostgreSqlReminderTableOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgreSqlReminderTableOptions options) =>
        string.IsNullOrWhiteSpace(options.ClusterId)
            ? ValidateOptionsResult.Fail("The reminder table needs a cluster id (PostgreSqlReminderTableOptions.ClusterId or Silo:ClusterId).")
            : ValidateOptionsResult.Success;
}
