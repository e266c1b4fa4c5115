using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    /// <summary>
    /// Sends one submit_sm within the window and waits for its response. Cancellation is honoured only while waiting
    /// for room in the window; once the PDU is queued the wait is bounded by the response timeout instead, so the
    /// result always says truthfully whether the PDU left.
    /// </summary>
    public async Task<PduResponse> SubmitAsync(ShortMessagePdu pdu, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != SessionState.Bound)
            {
                return PduResponse.Failed(ResponseFailure.LostBeforeWrite);
            }

            return await Send(CommandId.SubmitSm, pdu).Response.ConfigureAwait(false);
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
