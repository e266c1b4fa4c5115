using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Session;

internal sealed partial class SmgpSession
{
    private ITimer? _housekeeping;
    private int _activeTestOutstanding;

    /// <summary>
    /// One timer per connection: a request unanswered for ResponseTimeout is sent again, at most MaxResends times,
    /// after which the link counts as broken and is dropped; after ActiveTestInterval without a word from the SMGW an
    /// Active_Test goes out, under the same rule.
    /// </summary>
    private void StartHousekeeping()
    {
        var shortest = _options.ResponseTimeout < _options.ActiveTestInterval ? _options.ResponseTimeout : _options.ActiveTestInterval;
        var period = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _housekeeping = _time.CreateTimer(_ => Housekeep(), null, period, period);
    }

    private void Housekeep()
    {
        if (_state == SessionState.Closed)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var (resend, givenUp) = _pending.Sweep(_options.ResponseTimeout, _options.MaxResends);
        if (givenUp is not null)
        {
            var command = (SmgpCommand)givenUp.Command;
            _logger.LogWarning("SMGP {Bind}: {Command} #{Sequence} unanswered after {Resends} resend(s); the link counts as broken.", Name, command, givenUp.Sequence, givenUp.Resends);
            Abort(new TimeoutException($"{command} unanswered after {givenUp.Resends} resend(s)"));
            return;
        }

        foreach (var pending in resend)
        {
            _logger.LogInformation("SMGP {Bind}: {Command} #{Sequence} unanswered after {Timeout}; resend {Resend} of {Max}.", Name, (SmgpCommand)pending.Command, pending.Sequence, _options.ResponseTimeout, pending.Resends, _options.MaxResends);
            _connection.TryEnqueue(pending.Frame);
        }

        if (_state == SessionState.Connected
            && _time.GetElapsedTime(_connection.LastReceivedAt, now) >= _options.ActiveTestInterval
            && Interlocked.Exchange(ref _activeTestOutstanding, 1) == 0)
        {
            _ = ActiveTestAsync();
        }
    }

    private async Task ActiveTestAsync()
    {
        try
        {
            await Send(new HeaderOnlyBody(SmgpCommand.ActiveTest)).Answer.ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _activeTestOutstanding, 0);
        }
    }
}
