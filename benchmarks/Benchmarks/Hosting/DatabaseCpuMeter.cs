using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MindPeeker.Benchmarks.Hosting;

/// <summary>
/// CPU time spent by this process plus the PostgreSQL backends connected to the benchmark's database, so a phase can be
/// priced in CPU per unit of work: unlike throughput, that barely moves when other work shares the machine. Backends
/// are found in <c>pg_stat_activity</c> and read from <c>/proc/PID/stat</c> (Linux, PostgreSQL on this machine); a
/// backend that connects during a phase counts from its start, one that disconnects during it is missed. PostgreSQL's
/// own background processes (WAL writer, checkpointer) are not counted. Returns zero for the database where
/// <c>/proc</c> cannot be read.
/// </summary>
internal sealed class DatabaseCpuMeter(NpgsqlDataSource db)
{
    // The kernel reports utime and stime in clock ticks of USER_HZ, which is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>A reading to pass to <see cref="SinceAsync"/>.</summary>
    public async Task<Reading> ReadAsync() => new(Process.GetCurrentProcess().TotalProcessorTime, await BackendTicksAsync());

    /// <summary>CPU used since <paramref name="start"/>: this process and the database's backends.</summary>
    public async Task<(TimeSpan Process, TimeSpan Database)> SinceAsync(Reading start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var end = await ReadAsync();
        long ticks = 0;
        foreach (var (pid, now) in end.Backends)
        {
            ticks += now - start.Backends.GetValueOrDefault(pid);
        }

        return (end.Process - start.Process, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }

    private async Task<Dictionary<int, long>> BackendTicksAsync()
    {
        var pids = new List<int>();
        await using (var command = db.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        var ticks = new Dictionary<int, long>();
        foreach (var pid in pids)
        {
            if (ReadTicks(pid) is { } used)
            {
                ticks[pid] = used;
            }
        }

        return ticks;
    }

    /// <summary>utime + stime of <paramref name="pid"/> in clock ticks, or null when it cannot be read.</summary>
    private static long? ReadTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces: state is field 3, utime 14, stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>This process's CPU time and each backend's ticks at one moment.</summary>
    internal sealed record Reading(TimeSpan Process, Dictionary<int, long> Backends);
}
