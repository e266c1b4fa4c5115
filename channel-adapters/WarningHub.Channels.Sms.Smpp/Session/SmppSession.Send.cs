using WarningHub.Channels.Sms.Smpp.Flow;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    /// <summary>
    /// Waits for room in the window and then for the rate limiter, lets <paramref name="mark"/> record the write, and
    /// queues the submit without waiting for its response: the parts of one message go out back to back on this bind.
    /// Returns the response, which frees the window place when it completes. The token is honoured only until the PDU
    /// is queued. When the mark could not be recorded nothing is written (LostBeforeWrite).
    /// </summary>
    public async ValueTask<Task<PduResponse>> QueueSubmitAsync(ShortMessagePdu pdu, SendRateLimiter limiter, Gateway.WriteMark? mark, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        var marked = true;
        try
        {
            if (_state == SessionState.Bound)
            {
                await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
                marked = mark is null || await mark.EnsureAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            _window.Release();
            throw;
        }

        if (_state != SessionState.Bound || !marked)
        {
            _window.Release();
            return Task.FromResult(PduResponse.Failed(ResponseFailure.LostBeforeWrite));
        }

        return ReleaseWhenAnsweredAsync(Send(CommandId.SubmitSm, pdu).Response);
    }

    /// <summary>Sends query_sm and waits (bounded by the response timeout) for its answer.</summary>
    public Task<PduResponse> QueryAsync(QuerySmBody body) =>
        _state == SessionState.Bound ? Send(CommandId.QuerySm, body).Response : Task.FromResult(PduResponse.Failed(ResponseFailure.LostBeforeWrite));

    private async Task<PduResponse> ReleaseWhenAnsweredAsync(Task<PduResponse> response)
    {
        try
        {
            return await response.ConfigureAwait(false);
        }
        finally
        {
            _window.Release();
        }
    }

    /// <summary>Registers a request under a fresh sequence number and queues it.</summary>
    private PendingRequest Send(CommandId command, IPduBody? body)
    {
        var sequence = NextSequence();
        var pending = new PendingRequest(command, sequence, _time.GetTimestamp());
        lock (_pendingLock)
        {
            _pending.Add(sequence, pending);
        }

        if (_state == SessionState.Closed || !_connection.TryEnqueue(OutboundPdu.Request(command, sequence, body, pending)))
        {
            lock (_pendingLock)
            {
                _pending.Remove(sequence);
            }

            pending.Fail(timedOut: false);
        }

        return pending;
    }

    /// <summary>sequence_number runs 1..0x7FFFFFFF and wraps (SMPP 3.4 section 3.2).</summary>
    private uint NextSequence()
    {
        while (true)
        {
            var next = Interlocked.Increment(ref _sequence);
            if (next is > 0 and <= 0x7FFFFFFF)
            {
                return (uint)next;
            }

            Interlocked.CompareExchange(ref _sequence, 0, next);
        }
    }
}
