namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>Why a request ended without an answer.</summary>
internal enum ResponseFailure
{
    None,

    /// <summary>The connection went down, or the wait ran out, while the PDU was still queued: it never left.</summary>
    NotWritten,

    /// <summary>The PDU left (perhaps several times) and no answer came before the link was given up.</summary>
    Unanswered,

    /// <summary>The answer could not be decoded.</summary>
    Malformed,
}

/// <summary>A protocol's answer to a request, which can also say why there was none.</summary>
/// <typeparam name="TSelf">The answer type itself.</typeparam>
internal interface IRequestAnswer<TSelf>
    where TSelf : IRequestAnswer<TSelf>
{
    /// <summary>The answer standing for "none came", and why.</summary>
    static abstract TSelf Failed(ResponseFailure failure);
}

/// <summary>
/// A request awaiting its answer, with its encoded frame kept for a resend rule. It moves queued → written → completed;
/// the writer skips a request that completed while queued, so "never left" stays true.
/// </summary>
/// <typeparam name="TKey">The protocol's sequence number: what the answer echoes.</typeparam>
/// <typeparam name="TAnswer">The protocol's answer.</typeparam>
internal sealed class PendingRequest<TKey, TAnswer>(uint command, TKey sequence, byte[] frame, long queuedAt) : IWriteGate
    where TAnswer : IRequestAnswer<TAnswer>
{
    private const int Queued = 0;
    private const int Written = 1;
    private const int Completed = 2;

    private readonly TaskCompletionSource<TAnswer> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private long _lastSentAt = queuedAt;
    private int _resends;

    /// <summary>The protocol's command id.</summary>
    public uint Command { get; } = command;

    public TKey Sequence { get; } = sequence;

    public byte[] Frame { get; } = frame;

    /// <summary>TimeProvider timestamp of the last (re)send, or of queuing before the first.</summary>
    public long LastSentAt => Volatile.Read(ref _lastSentAt);

    /// <summary>Resends so far (not counting the first send).</summary>
    public int Resends => Volatile.Read(ref _resends);

    public bool IsWritten => Volatile.Read(ref _state) == Written;

    public Task<TAnswer> Answer => _completion.Task;

    /// <summary>Called by the writer just before the frame goes out; false means it already completed.</summary>
    public bool TryMarkWritten(long now)
    {
        var previous = Interlocked.CompareExchange(ref _state, Written, Queued);
        if (previous == Completed)
        {
            return false;
        }

        Volatile.Write(ref _lastSentAt, now);
        return true;
    }

    /// <summary>Counts a resend; the timer for the next one starts now.</summary>
    public void CountResend(long now)
    {
        Interlocked.Increment(ref _resends);
        Volatile.Write(ref _lastSentAt, now);
    }

    public void Complete(TAnswer answer)
    {
        if (Interlocked.Exchange(ref _state, Completed) != Completed)
        {
            _completion.TrySetResult(answer);
        }
    }

    /// <summary>Ends the request without an answer; whether it had been written decides which failure it is.</summary>
    public void Fail()
    {
        var previous = Interlocked.Exchange(ref _state, Completed);
        if (previous != Completed)
        {
            _completion.TrySetResult(TAnswer.Failed(previous == Written ? ResponseFailure.Unanswered : ResponseFailure.NotWritten));
        }
    }
}
