namespace MindPeeker.Grains.Analysis;

/// <summary>Counters of one batcher: runs, items run, failed runs and the largest batch. Thread-safe.</summary>
internal sealed class BatchStatistics
{
    private long _batches;
    private long _items;
    private long _failedBatches;
    private int _largestBatch;

    /// <summary>Batch function calls so far (one ONNX Runtime run each), failed ones included.</summary>
    public long BatchesRun => Interlocked.Read(ref _batches);

    /// <summary>Requests those calls carried.</summary>
    public long ItemsRun => Interlocked.Read(ref _items);

    /// <summary>Batch function calls that threw.</summary>
    public long FailedBatches => Interlocked.Read(ref _failedBatches);

    /// <summary>The most requests one call carried.</summary>
    public int LargestBatch => Volatile.Read(ref _largestBatch);

    /// <summary>Requests per call on average; 0 before the first.</summary>
    public double AverageBatchSize => BatchesRun == 0 ? 0 : (double)ItemsRun / BatchesRun;

    public void Record(int batchSize, bool failed)
    {
        Interlocked.Add(ref _items, batchSize);
        Interlocked.Increment(ref _batches);
        if (failed)
        {
            Interlocked.Increment(ref _failedBatches);
        }

        var largest = Volatile.Read(ref _largestBatch);
        while (batchSize > largest)
        {
            var seen = Interlocked.CompareExchange(ref _largestBatch, batchSize, largest);
            if (seen == largest)
            {
                break;
            }

            largest = seen;
        }
    }
}
