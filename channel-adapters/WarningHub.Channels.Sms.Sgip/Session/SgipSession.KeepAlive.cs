using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Session;

internal sealed partial class SgipSession
{
    private ITimer? _housekeeping;
    private int _renewing;

    /// <summary>
    /// One timer per connection: a request unanswered for ResponseTimeout is sent again (MaxResends times, 0 by
    /// default), after which the link counts as broken and is dropped. SGIP has no link test, so the SP's connection,
    /// once idle for IdleTimeout with nothing outstanding, is closed with Unbind; the gateway binds again at once.
    /// </summary>
    private void StartHousekeeping()
    {
        var shortest = _options.ResponseTimeout < _options.IdleTimeout ? _options.ResponseTimeout : _options.IdleTimeout;
        var period = TimeSpan.FromTicks(Math.Clamp(shortest.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _housekeeping = _time.CreateTimer(_ => Housekeep(), null, period, period);
    }

    private void Housekeep()
    {
        if (_state == SessionState.Closed)
        {
            return;
        }

        var (resend, givenUp) = _pending.Sweep(_options.ResponseTimeout, _options.MaxResends);
        if (givenUp is not null)
        {
            var command = (SgipCommand)givenUp.Command;
            _logger.LogWarning("SGIP {Bind}: {Command} {Sequence} unanswered after {Resends} resend(s); the link counts as broken.", Name, command, givenUp.Sequence, givenUp.Resends);
            Abort(new TimeoutException($"{command} unanswered after {givenUp.Resends} resend(s)"));
            return;
        }

        foreach (var pending in resend)
        {
            _logger.LogInformation("SGIP {Bind}: {Command} {Sequence} unanswered after {Timeout}; resend {Resend} of {Max}.", Name, (SgipCommand)pending.Command, pending.Sequence, _options.ResponseTimeout, pending.Resends, _options.MaxResends);
            _connection.TryEnqueue(pending.Frame);
        }

        if (_role == SessionRole.ToSmg
            && _state == SessionState.Bound
            && _pending.Count == 0
            && _window.CurrentCount == _options.Window
            && _time.GetElapsedTime(_connection.LastReceivedAt) >= _options.IdleTimeout
            && Interlocked.Exchange(ref _renewing, 1) == 0)
        {
            ClosedForIdle = true;
            _logger.LogDebug("SGIP {Bind}: idle for {Idle}; unbinding to bind again.", Name, _options.IdleTimeout);
            _ = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        await UnbindAsync(timeout.Token).ConfigureAwait(false);
    }
}
