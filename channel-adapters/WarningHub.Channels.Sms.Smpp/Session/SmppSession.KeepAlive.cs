using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    private ITimer? _housekeeping;
    private int _enquireOutstanding;

    /// <summary>
    /// One timer per bind instead of one per request: it expires requests past the response timeout and sends
    /// enquire_link when nothing has arrived for the enquire interval.
    /// </summary>
    private void StartHousekeeping()
    {
        var shortest = _options.ResponseTimeout < _options.EnquireLinkInterval ? _options.ResponseTimeout : _options.EnquireLinkInterval;
        var period = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _housekeeping = _time.CreateTimer(_ => Housekeep(), null, period, period);
    }

    private void Housekeep()
    {
        if (_state == SessionState.Closed)
        {
            return;
        }

        ExpireOverdue();
        var idle = _time.GetElapsedTime(_connection.LastReceivedAt);
        if (idle >= _options.EnquireLinkInterval && Interlocked.Exchange(ref _enquireOutstanding, 1) == 0)
        {
            _ = EnquireLinkAsync();
        }
    }

    private void ExpireOverdue()
    {
        List<PendingRequest>? expired = null;
        var now = _time.GetTimestamp();
        lock (_pendingLock)
        {
            foreach (var pending in _pending.Values)
            {
                if (_time.GetElapsedTime(pending.QueuedAt, now) >= _options.ResponseTimeout)
                {
                    (expired ??= []).Add(pending);
                }
            }

            if (expired is not null)
            {
                foreach (var pending in expired)
                {
                    _pending.Remove(pending.Sequence);
                }
            }
        }

        if (expired is not null)
        {
            _logger.LogWarning("SMPP {Bind}: {Count} request(s) unanswered after {Timeout}.", Name, expired.Count, _options.ResponseTimeout);
            foreach (var pending in expired)
            {
                pending.Fail(timedOut: true);
            }
        }
    }

    private async Task EnquireLinkAsync()
    {
        try
        {
            var response = await Send(CommandId.EnquireLink, null).Response.ConfigureAwait(false);
            if (!response.IsAnswered)
            {
                // A link that cannot answer enquire_link cannot carry warnings either: drop it and reconnect.
                _logger.LogWarning("SMPP {Bind}: enquire_link unanswered ({Failure}); dropping the connection.", Name, response.Failure);
                Abort(new TimeoutException("enquire_link unanswered"));
            }
        }
        finally
        {
            Volatile.Write(ref _enquireOutstanding, 0);
        }
    }
}
