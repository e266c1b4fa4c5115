using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Transport;

/// <summary>Why a request ended without a response from the peer.</summary>
internal enum ResponseFailure
{
    None,

    /// <summary>The response timeout passed while the PDU was still queued: it never left, so a resend is safe.</summary>
    TimedOutBeforeWrite,

    /// <summary>The PDU left but no response came in time: the peer may have acted on it.</summary>
    TimedOutAfterWrite,

    /// <summary>The connection went down while the PDU was still queued.</summary>
    LostBeforeWrite,

    /// <summary>The connection went down after the PDU left.</summary>
    LostAfterWrite,

    /// <summary>The PDU could not be encoded, or the response could not be decoded.</summary>
    Malformed,
}

/// <summary>The answer to a request as the session saw it.</summary>
internal readonly record struct PduResponse(uint Status, string? MessageId, ResponseFailure Failure = ResponseFailure.None)
{
    /// <summary>The response's command (generic_nack when the peer did not know the request).</summary>
    public CommandId Command { get; init; }

    /// <summary>The body of a query_sm_resp, copied; empty for other responses.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The request was written and no answer came: the peer may have acted on it.</summary>
    public bool MayHaveLeft => Failure is ResponseFailure.TimedOutAfterWrite or ResponseFailure.LostAfterWrite or ResponseFailure.Malformed;

    public bool IsAnswered => Failure == ResponseFailure.None;

    public static PduResponse Failed(ResponseFailure failure) => new(CommandStatus.Ok, null, failure);
}

/// <summary>
/// A request waiting for its response. Its state moves queued → written → completed, or queued → completed when it
/// expires or its connection dies first; the writer skips a request that completed before it was written, so a
/// request reported as "never left" really never leaves.
/// </summary>
internal sealed class PendingRequest
{
    private const int Queued = 0;
    private const int Written = 1;
    private const int Completed = 2;

    private readonly TaskCompletionSource<PduResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public PendingRequest(CommandId command, uint sequence, long queuedAt)
    {
        Command = command;
        Sequence = sequence;
        QueuedAt = queuedAt;
    }

    public CommandId Command { get; }

    public uint Sequence { get; }

    /// <summary>TimeProvider timestamp when the request was queued; response timeouts count from here.</summary>
    public long QueuedAt { get; }

    public Task<PduResponse> Response => _completion.Task;

    /// <summary>Called by the writer loop just before the PDU is encoded; false means it already expired.</summary>
    public bool TryMarkWritten() => Interlocked.CompareExchange(ref _state, Written, Queued) == Queued;

    public void Complete(in PduResponse response)
    {
        if (Interlocked.Exchange(ref _state, Completed) != Completed)
        {
            _completion.TrySetResult(response);
        }
    }

    /// <summary>Ends the request without a response, choosing the failure by whether it had been written.</summary>
    public void Fail(bool timedOut)
    {
        var previous = Interlocked.Exchange(ref _state, Completed);
        if (previous == Completed)
        {
            return;
        }

        var written = previous == Written;
        var failure = (timedOut, written) switch
        {
            (true, false) => ResponseFailure.TimedOutBeforeWrite,
            (true, true) => ResponseFailure.TimedOutAfterWrite,
            (false, false) => ResponseFailure.LostBeforeWrite,
            (false, true) => ResponseFailure.LostAfterWrite,
        };
        _completion.TrySetResult(PduResponse.Failed(failure));
    }
}
