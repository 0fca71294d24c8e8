namespace MindPeeker.Runtime.Reminders;

/// <summary>Where the reminder table lives; validated at start-up.</summary>
public sealed class PostgreSqlReminderTableOptions
{
    /// <summary>An Npgsql connection string, required by the overload of <c>UsePostgreSqlReminderService</c> that takes these options. Never logged.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// Partitions the table between clusters sharing a database. Left empty, it is the silo's cluster id
    /// (<c>Silo:ClusterId</c>, the one membership uses). Changing it orphans the reminders registered under the old value.
    /// </summary>
    public string ClusterId { get; set; } = "";
}
