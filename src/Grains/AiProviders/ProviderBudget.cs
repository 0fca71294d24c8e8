namespace MindPeeker.Grains.AiProviders;

/// <summary>
/// A provider's requests-per-minute and tokens-per-minute budget on this silo: a sliding one-minute log of the
/// requests sent and the tokens each used, read on the injected <see cref="TimeProvider"/>. A request reserves its
/// estimated tokens up front and settles the real count when the answer says it. Thread-safe.
/// </summary>
internal sealed class ProviderBudget(string provider, int requestsPerMinute, long tokensPerMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly LinkedList<Reservation> _log = new();
    private long _tokensInWindow;

    /// <summary>Requests in the last minute.</summary>
    public int RequestsInWindow
    {
        get
        {
            lock (_lock)
            {
                Prune(time.GetUtcNow());
                return _log.Count;
            }
        }
    }

    /// <summary>
    /// Reserves one request of <paramref name="tokens"/> estimated tokens, waiting (on the time provider) for the window to
    /// make room for at most <paramref name="maxWait"/>.
    /// </summary>
    /// <exception cref="AiBudgetExhaustedException">No room within <paramref name="maxWait"/>, or the request alone exceeds the token budget.</exception>
    /// <param name="tokens">The request's estimated tokens (prompt and completion).</param>
    /// <param name="maxWait">The longest this request may wait for room.</param>
    /// <param name="waiting">Told how long each wait will be, once the wait has started; null: not told.</param>
    /// <param name="cancellationToken">Ends a wait early.</param>
    public async Task<Reservation> ReserveAsync(long tokens, TimeSpan maxWait, Action<TimeSpan>? waiting, CancellationToken cancellationToken)
    {
        if (tokens > tokensPerMinute)
        {
            throw new AiBudgetExhaustedException(
                $"AI provider '{provider}': one request needs about {tokens} tokens, more than its budget of {tokensPerMinute} tokens per minute.");
        }

        var waited = TimeSpan.Zero;
        while (true)
        {
            var retryIn = TryReserve(tokens, out var reservation);
            if (reservation is not null)
            {
                return reservation;
            }

            if (waited + retryIn > maxWait)
            {
                throw new AiBudgetExhaustedException(
                    $"AI provider '{provider}' has no budget left ({requestsPerMinute} requests and {tokensPerMinute} tokens per minute) " +
                    $"within the {maxWait.TotalSeconds:0.#} s a request may wait.");
            }

            var delay = Task.Delay(retryIn, time, cancellationToken);
            waiting?.Invoke(retryIn);
            await delay.ConfigureAwait(false);
            waited += retryIn;
        }
    }

    /// <summary>Replaces a reservation's estimate with the tokens the provider reported.</summary>
    public void Settle(Reservation reservation, long actualTokens)
    {
        lock (_lock)
        {
            if (reservation.Node.List is not null)
            {
                _tokensInWindow += actualTokens - reservation.Tokens;
            }

            reservation.Tokens = actualTokens;
        }
    }

    /// <summary>Gives a reservation back whole, for a request that was never sent.</summary>
    public void Release(Reservation reservation)
    {
        lock (_lock)
        {
            if (reservation.Node.List is not null)
            {
                _tokensInWindow -= reservation.Tokens;
                _log.Remove(reservation.Node);
            }
        }
    }

    private TimeSpan TryReserve(long tokens, out Reservation? reservation)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            Prune(now);
            if (_log.Count < requestsPerMinute && _tokensInWindow + tokens <= tokensPerMinute)
            {
                reservation = new Reservation(now, tokens);
                reservation.Node = _log.AddLast(reservation);
                _tokensInWindow += tokens;
                return TimeSpan.Zero;
            }

            reservation = null;

            // Room comes when enough of the oldest requests leave the window.
            var freeTokens = tokensPerMinute - _tokensInWindow;
            var excessRequests = _log.Count - requestsPerMinute + 1;
            var node = _log.First;
            var leaving = 0;
            while (node is not null && (leaving < excessRequests || freeTokens < tokens))
            {
                leaving++;
                freeTokens += node.Value.Tokens;
                if (leaving >= excessRequests && freeTokens >= tokens)
                {
                    break;
                }

                node = node.Next;
            }

            var until = (node?.Value.At ?? now) + Window - now;
            return until > TimeSpan.Zero ? until : TimeSpan.FromMilliseconds(1);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_log.First is { } oldest && oldest.Value.At + Window <= now)
        {
            _tokensInWindow -= oldest.Value.Tokens;
            _log.RemoveFirst();
        }
    }

    /// <summary>One request's place in the window.</summary>
    internal sealed class Reservation(DateTimeOffset at, long tokens)
    {
        public DateTimeOffset At { get; } = at;

        public long Tokens { get; set; } = tokens;

        public LinkedListNode<Reservation> Node { get; set; } = null!;
    }
}
