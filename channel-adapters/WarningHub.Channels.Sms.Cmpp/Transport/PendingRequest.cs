using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Transport;

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

/// <summary>The answer to a request: a Result and Msg_Id, a CONNECT_RESP, or why there was none.</summary>
internal readonly record struct CmppAnswer(uint Result, ulong MsgId, ConnectResponsePdu? Connect = null, ResponseFailure Failure = ResponseFailure.None)
{
    public bool IsAnswered => Failure == ResponseFailure.None;

    public static CmppAnswer Failed(ResponseFailure failure) => new(0, 0, null, failure);
}

/// <summary>
/// A request awaiting its answer, with its encoded frame kept for CMPP's resend rule. It moves queued → written →
/// completed; the writer skips a request that completed while queued, so "never left" stays true.
/// </summary>
internal sealed class PendingRequest(CmppCommand command, uint sequence, byte[] frame, long queuedAt)
{
    private const int Queued = 0;
    private const int Written = 1;
    private const int Completed = 2;

    private readonly TaskCompletionSource<CmppAnswer> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;
    private long _lastSentAt = queuedAt;

    public CmppCommand Command { get; } = command;

    public uint Sequence { get; } = sequence;

    public byte[] Frame { get; } = frame;

    /// <summary>TimeProvider timestamp of the last (re)send, or of queuing before the first.</summary>
    public long LastSentAt => Volatile.Read(ref _lastSentAt);

    /// <summary>Resends so far (not counting the first send).</summary>
    public int Resends { get; private set; }

    public bool IsWritten => Volatile.Read(ref _state) == Written;

    public Task<CmppAnswer> Answer => _completion.Task;

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
        Resends++;
        Volatile.Write(ref _lastSentAt, now);
    }

    public void Complete(in CmppAnswer answer)
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
            _completion.TrySetResult(CmppAnswer.Failed(previous == Written ? ResponseFailure.Unanswered : ResponseFailure.NotWritten));
        }
    }
}
