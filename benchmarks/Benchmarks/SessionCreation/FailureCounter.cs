using System.Net;

namespace MindPeeker.Benchmarks.SessionCreation;

/// <summary>Counts answers other than 201 and remembers the first status, so a failing run says why.</summary>
internal sealed class FailureCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public HttpStatusCode? First { get; private set; }

    public void Add(HttpStatusCode status)
    {
        if (Interlocked.Increment(ref _count) == 1)
        {
            First = status;
        }
    }

    public override string ToString() => Count == 0 ? "0" : $"{Count} (first: {(int?)First})";
}
