using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Gateway;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Channels.Sms.Sgip.Session;

internal sealed partial class SgipSession
{
    private const byte IllegalLogin = 1;
    private const byte WrongLoginType = 4;

    /// <summary>Sends Bind (type 1) and checks Bind_Resp; throws <see cref="SgipBindException"/> with an operator's reason.</summary>
    public async Task BindAsync(string gatewayName, CancellationToken cancellationToken)
    {
        _connection.Start();
        var pending = Send(new BindPdu(BindPdu.SpToSmg, _options.LoginName, _options.LoginPassword), out _);
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        SgipAnswer answer;
        try
        {
            answer = await pending.Answer.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SgipBindException($"The SMG of SGIP gateway {gatewayName} did not answer Bind within {_options.ConnectTimeout}.", refused: false);
        }

        if (!answer.IsAnswered)
        {
            throw new SgipBindException($"The SMG of SGIP gateway {gatewayName} closed the connection instead of answering Bind ({answer.Failure}).", refused: false);
        }

        if (answer.Result != 0)
        {
            throw new SgipBindException(SgipResults.BindProblem(answer.Result, gatewayName), refused: true);
        }

        _state = SessionState.Bound;
        StartHousekeeping();
    }

    /// <summary>Starts reading the SMG's own connection; it must Bind (type 2) with the credentials it was given.</summary>
    public void Accept()
    {
        _connection.Start();
        StartHousekeeping();
    }

    /// <summary>
    /// Lets outstanding Submits be answered, then sends Unbind and waits for Unbind_Resp, all within the token; the
    /// connection is closed whatever happens.
    /// </summary>
    public async Task UnbindAsync(CancellationToken cancellationToken)
    {
        if (_state != SessionState.Bound)
        {
            _connection.CloseAfterFlush();
            return;
        }

        _state = SessionState.Unbinding;
        var taken = 0;
        try
        {
            for (; taken < _options.Window; taken++)
            {
                await _window.WaitAsync(cancellationToken).ConfigureAwait(false); // every place free: nothing outstanding
            }

            var sequence = _sequencer.Next();
            var pending = _pending.Send((uint)SgipCommand.Unbind, sequence, SgipFrame.HeaderOnly(SgipCommand.Unbind, sequence), _connection);
            await pending.Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogDebug("SGIP {Bind}: Unbind not answered in time; closing anyway.", Name);
        }
        finally
        {
            _state = SessionState.Closed;
            _connection.CloseAfterFlush();
            if (taken > 0)
            {
                _window.Release(taken); // a Submit that waited for room now finds the link closed and says it never left
            }
        }
    }

    /// <summary>The SMG's Bind on its own connection: type 2 and the agreed name and password, or Result 1 and hang up.</summary>
    private void OnBind(in SgipHeader header, ReadOnlySpan<byte> body)
    {
        BindPdu bind;
        try
        {
            bind = BindPdu.Read(body);
        }
        catch (PduFormatException ex)
        {
            _logger.LogWarning("SGIP {Bind}: unreadable Bind: {Reason}", Name, ex.Message);
            Refuse(header.Sequence, IllegalLogin);
            return;
        }

        if (_role != SessionRole.FromSmg || bind.LoginType != BindPdu.SmgToSp)
        {
            _logger.LogWarning("SGIP {Bind}: refused a Bind of login type {Type} (only the SMG's type 2 comes here).", Name, bind.LoginType);
            Refuse(header.Sequence, WrongLoginType);
            return;
        }

        if (!string.Equals(bind.LoginName, _options.InboundLoginName, StringComparison.Ordinal)
            || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(bind.LoginPassword), System.Text.Encoding.ASCII.GetBytes(_options.InboundLoginPassword)))
        {
            _logger.LogWarning("SGIP {Bind}: refused the SMG's Bind: wrong login name or password (check SmgLoginName and SmgLoginPassword).", Name);
            Refuse(header.Sequence, IllegalLogin);
            return;
        }

        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.BindResp, 0), header.Sequence));
        _state = SessionState.Bound;
        _logger.LogInformation("SGIP {Bind}: the SMG bound for reports and messages.", Name);
    }

    private void Refuse(SgipSequence sequence, byte result)
    {
        _connection.TryEnqueue(SgipFrame.Build(new ResultPdu(SgipCommand.BindResp, result), sequence));
        _state = SessionState.Closed;
        _connection.CloseAfterFlush();
    }
}
