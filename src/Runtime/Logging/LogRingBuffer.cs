namespace MindPeeker.Runtime.Logging;

/// <summary>
/// The last <see cref="LogTailOptions.Capacity"/> log entries of this process, oldest overwritten first. Thread-safe:
/// writers take a short lock to claim a slot; readers copy under the same lock. Entries are numbered by
/// <see cref="LogTailEntry.Sequence"/> (1, 2, …) in the order they were appended.
/// </summary>
public sealed class LogRingBuffer
{
    private readonly LogTailEntry?[] _entries;
    private readonly Lock _lock = new();
    private long _appended;

    public LogRingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new LogTailEntry?[capacity];
    }

    /// <summary>Tells this buffer (this process) apart from the others when entries of several processes are merged.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>How many entries the buffer holds at most.</summary>
    public int Capacity => _entries.Length;

    /// <summary>How many entries were ever appended (the sequence number of the newest).</summary>
    public long Appended
    {
        get
        {
            lock (_lock)
            {
                return _appended;
            }
        }
    }

    /// <summary>Appends an entry built by <paramref name="create"/> from its sequence number.</summary>
    public void Append(Func<long, LogTailEntry> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            var sequence = ++_appended;
            _entries[(sequence - 1) % _entries.Length] = create(sequence);
        }
    }

    /// <summary>
    /// Entries matching <paramref name="filter"/>, in append order. With <paramref name="after"/> the oldest
    /// <paramref name="limit"/> entries that come after that place; without it the newest <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<LogTailEntry> Read(LogTailFilter filter, LogPosition? after, int limit)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit <= 0)
        {
            return [];
        }

        LogTailEntry[] snapshot;
        lock (_lock)
        {
            var count = (int)Math.Min(_appended, _entries.Length);
            snapshot = new LogTailEntry[count];
            for (var i = 0; i < count; i++)
            {
                snapshot[i] = _entries[(_appended - count + i) % _entries.Length]!;
            }
        }

        var matching = new List<LogTailEntry>(Math.Min(limit, snapshot.Length));
        if (after is not null)
        {
            foreach (var entry in snapshot)
            {
                if (after.IsBefore(entry.Timestamp, Id, entry.Sequence) && filter.Matches(entry))
                {
                    matching.Add(entry);
                    if (matching.Count == limit)
                    {
                        break;
                    }
                }
            }

            return matching;
        }

        for (var i = snapshot.Length - 1; i >= 0 && matching.Count < limit; i--)
        {
            if (filter.Matches(snapshot[i]))
            {
                matching.Add(snapshot[i]);
            }
        }

        matching.Reverse();
        return matching;
    }
}
