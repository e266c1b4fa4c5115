using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Cmpp.Gateway;
using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Session;

internal sealed partial class CmppSession
{
    /// <summary>Sends CONNECT and checks CONNECT_RESP; throws <see cref="CmppConnectException"/> with an operator's reason.</summary>
    public async Task ConnectAsync(string gatewayName, CancellationToken cancellationToken)
    {
        _connection.Start();
        var localNow = _time.GetUtcNow().ToOffset(_options.IsmgUtcOffset);
        var connect = ConnectPdu.Create(_options.SourceAddr, _options.SharedSecret, Version, localNow);
        var pending = Send(connect);

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Transport.CmppAnswer answer;
        try
        {
            answer = await pending.Answer.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CmppConnectException($"The ISMG of CMPP gateway {gatewayName} did not answer CONNECT within {_options.ConnectTimeout}.", refused: false);
        }

        if (!answer.IsAnswered)
        {
            throw new CmppConnectException($"The ISMG of CMPP gateway {gatewayName} closed the connection instead of answering CONNECT ({answer.Failure}).", refused: false);
        }

        if (answer.Result != 0)
        {
            throw new CmppConnectException(CmppResults.ConnectProblem(answer.Result, gatewayName), refused: true);
        }

        if (_options.VerifyIsmgAuthenticator && !answer.Connect!.Proves(connect.Authenticator, _options.SharedSecret, Version))
        {
            throw new CmppConnectException(
                $"The ISMG of CMPP gateway {gatewayName} answered CONNECT without proving it knows the secret (AuthenticatorISMG): check Host and SharedSecret of gateway {gatewayName}.",
                refused: true);
        }

        _state = SessionState.Connected;
        StartHousekeeping();
    }

    /// <summary>
    /// Lets outstanding SUBMITs be answered, then sends TERMINATE and waits for TERMINATE_RESP, all within the token;
    /// the connection is closed whatever happens.
    /// </summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        if (_state != SessionState.Connected)
        {
            return;
        }

        _state = SessionState.Terminating;
        try
        {
            for (var taken = 0; taken < _options.Window; taken++)
            {
                await _window.WaitAsync(cancellationToken).ConfigureAwait(false); // every place free: nothing outstanding
            }

            await Send(new HeaderOnlyBody(CmppCommand.Terminate)).Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogDebug("CMPP {Bind}: TERMINATE not answered in time; closing anyway.", Name);
        }
        finally
        {
            _state = SessionState.Closed;
            _connection.CloseAfterFlush();
        }
    }

    /// <summary>ACTIVE_TEST and TERMINATE have no body.</summary>
    private sealed record HeaderOnlyBody(CmppCommand Command) : ICmppBody
    {
        public int BodyLength(CmppVersion version) => 0;

        public void Write(ref CmppWriter writer, CmppVersion version)
        {
        }
    }
}
