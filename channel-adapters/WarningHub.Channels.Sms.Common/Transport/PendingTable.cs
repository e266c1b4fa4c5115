namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>
/// The requests of one connection awaiting answers, keyed by the sequence number the answer echoes, with the response
/// timeout rule that CMPP and SMGP write down (T, N): a request unanswered for the timeout is sent again, at most a
/// number of times, after which the link counts as broken. A protocol without resends passes 0 resends.
/// </summary>
/// <typeparam name="TKey">The protocol's sequence number.</typeparam>
/// <typeparam name="TAnswer">The protocol's answer.</typeparam>
internal sealed class PendingTable<TKey, TAnswer>(TimeProvider time)
    where TKey : notnull
    where TAnswer : IRequestAnswer<TAnswer>
{
    private readonly Dictionary<TKey, PendingRequest<TKey, TAnswer>> _pending = [];
    private readonly Lock _lock = new();

    /// <summary>Requests awaiting an answer now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Registers a request under <paramref name="sequence"/>, then queues it on <paramref name="connection"/>; a request the connection refuses fails as never written.</summary>
    public PendingRequest<TKey, TAnswer> Send(uint command, TKey sequence, byte[] frame, FrameConnection connection, bool open = true)
    {
        var pending = new PendingRequest<TKey, TAnswer>(command, sequence, frame, time.GetTimestamp());
        lock (_lock)
        {
            _pending[sequence] = pending;
        }

        if (!open || !connection.TryEnqueue(frame, pending))
        {
            lock (_lock)
            {
                _pending.Remove(sequence);
            }

            pending.Fail();
        }

        return pending;
    }

    /// <summary>Takes the request an answer is for; null when none waits under that sequence (late, or answered twice).</summary>
    public PendingRequest<TKey, TAnswer>? Take(TKey sequence)
    {
        lock (_lock)
        {
            _pending.Remove(sequence, out var pending);
            return pending;
        }
    }

    /// <summary>
    /// Applies the response timeout: requests still queued after it fail as never written; written ones are counted as
    /// resent and returned to be queued again; once one has used up <paramref name="maxResends"/>, it is returned as
    /// given up (the caller drops the link, which fails the rest).
    /// </summary>
    public (IReadOnlyList<PendingRequest<TKey, TAnswer>> Resend, PendingRequest<TKey, TAnswer>? GivenUp) Sweep(TimeSpan timeout, int maxResends)
    {
        var now = time.GetTimestamp();
        List<PendingRequest<TKey, TAnswer>>? resend = null;
        List<PendingRequest<TKey, TAnswer>>? neverLeft = null;
        PendingRequest<TKey, TAnswer>? givenUp = null;
        lock (_lock)
        {
            foreach (var pending in _pending.Values)
            {
                if (time.GetElapsedTime(pending.LastSentAt, now) < timeout)
                {
                    continue;
                }

                if (!pending.IsWritten)
                {
                    (neverLeft ??= []).Add(pending);
                }
                else if (pending.Resends < maxResends)
                {
                    pending.CountResend(now);
                    (resend ??= []).Add(pending);
                }
                else
                {
                    givenUp ??= pending;
                }
            }

            foreach (var pending in neverLeft ?? [])
            {
                _pending.Remove(pending.Sequence);
            }
        }

        foreach (var pending in neverLeft ?? [])
        {
            pending.Fail();
        }

        return (resend ?? [], givenUp);
    }

    /// <summary>
    /// Fails every request once the connection's writer has ended, so "written" is final: queued requests never left,
    /// written ones may have. Returns how many there were.
    /// </summary>
    public int FailAll()
    {
        List<PendingRequest<TKey, TAnswer>> orphans;
        lock (_lock)
        {
            orphans = [.. _pending.Values];
            _pending.Clear();
        }

        foreach (var pending in orphans)
        {
            pending.Fail();
        }

        return orphans.Count;
    }
}
