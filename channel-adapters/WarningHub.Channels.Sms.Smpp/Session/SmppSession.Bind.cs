using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Results;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp.Session;

internal sealed partial class SmppSession
{
    /// <summary>Starts the connection's loops and binds; throws <see cref="SmppBindException"/> when refused or unanswered.</summary>
    public async Task BindAsync(CancellationToken cancellationToken)
    {
        _connection.Start();
        StartHousekeeping();
        var command = _options.BindMode == SmppBindMode.Transmitter ? CommandId.BindTransmitter : CommandId.BindTransceiver;
        var body = new BindBody(_options.SystemId, _options.Password, _options.SystemType);
        var response = await Send(command, body).Response.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsAnswered)
        {
            throw new SmppBindException($"{command} was not answered ({response.Failure}).");
        }

        if (response.Status != CommandStatus.Ok)
        {
            throw new SmppBindException($"{command} refused with {CommandStatusTable.NameOf(response.Status)}.", response.Status);
        }

        if (_state == SessionState.Open)
        {
            _state = SessionState.Bound;
        }
    }

    /// <summary>
    /// Stops taking submits, waits (up to the token) for the outstanding ones to be answered, then unbinds and
    /// closes. Receipts arriving meanwhile are still answered and published.
    /// </summary>
    public async Task UnbindAsync(CancellationToken cancellationToken)
    {
        if (_state != SessionState.Bound)
        {
            Abort();
            return;
        }

        _state = SessionState.Unbinding;
        var drained = 0;
        try
        {
            for (; drained < _options.Window; drained++)
            {
                await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("SMPP {Bind}: unbinding with {Outstanding} submit(s) unanswered.", Name, _options.Window - drained);
        }
        finally
        {
            if (drained > 0)
            {
                _window.Release(drained);
            }
        }

        var answer = await Send(CommandId.Unbind, null).Response.ConfigureAwait(false);
        if (!answer.IsAnswered)
        {
            _logger.LogDebug("SMPP {Bind}: unbind not answered ({Failure}).", Name, answer.Failure);
        }

        _state = SessionState.Closed;
        _connection.CloseAfterFlush();
        await Task.WhenAny(_connection.Completion, Task.Delay(_options.ResponseTimeout, _time, CancellationToken.None)).ConfigureAwait(false);
        _connection.Abort();
    }
}
