using Microsoft.Extensions.Options;

namespace MindPeeker.Runtime.Reminders;

internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.MinimumReminderPeriod < TimeSpan.FromMilliseconds(1))
        {
            failures.Add($"{ReminderOptions.SectionName}:MinimumReminderPeriod must be at least 1 ms (was {options.MinimumReminderPeriod}).");
        }

        if (options.RefreshPeriod < TimeSpan.FromSeconds(1) || options.RefreshPeriod > TimeSpan.FromDays(1))
        {
            failures.Add($"{ReminderOptions.SectionName}:RefreshPeriod must be between 1 s and 1 day (was {options.RefreshPeriod}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
