using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Common.Protocol;
using WarningHub.Channels.Sms.Smgp.Gateway;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Session;

internal sealed partial class SmgpSession
{
    /// <summary>Sends Login (mode 2, send and receive) and checks Login_Resp; throws <see cref="SmgpLoginException"/> with an operator's reason.</summary>
    public async Task LoginAsync(string gatewayName, CancellationToken cancellationToken)
    {
        _connection.Start();
        var localNow = _time.GetUtcNow().ToOffset(_options.SmgwUtcOffset);
        var login = LoginPdu.Create(_options.ClientId, _options.SharedSecret, localNow);
        var pending = Send(login);

        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Transport.SmgpAnswer answer;
        try
        {
            answer = await pending.Answer.WaitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SmgpLoginException($"The SMGW of SMGP gateway {gatewayName} did not answer Login within {_options.ConnectTimeout}.", refused: false);
        }

        if (!answer.IsAnswered)
        {
            throw new SmgpLoginException($"The SMGW of SMGP gateway {gatewayName} closed the connection instead of answering Login ({answer.Failure}).", refused: false);
        }

        if (answer.Status != 0)
        {
            throw new SmgpLoginException(SmgpResults.LoginProblem(answer.Status, gatewayName), refused: true);
        }

        if (_options.VerifyServerAuthenticator
            && !answer.Login!.Authenticator.AsSpan().SequenceEqual(LoginResponsePdu.Authenticate(0, login.Authenticator, _options.SharedSecret)))
        {
            throw new SmgpLoginException(
                $"The SMGW of SMGP gateway {gatewayName} answered Login without proving it knows the secret (AuthenticatorServer): check Host and SharedSecret of gateway {gatewayName}.",
                refused: true);
        }

        _state = SessionState.Connected;
        StartHousekeeping();
    }

    /// <summary>
    /// Lets outstanding Submits be answered, then sends Exit and waits for Exit_Resp, all within the token; the
    /// connection is closed whatever happens.
    /// </summary>
    public async Task ExitAsync(CancellationToken cancellationToken)
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

            await Send(new HeaderOnlyBody(SmgpCommand.Exit)).Answer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogDebug("SMGP {Bind}: Exit not answered in time; closing anyway.", Name);
        }
        finally
        {
            _state = SessionState.Closed;
            _connection.CloseAfterFlush();
        }
    }

    /// <summary>Active_Test and Exit have no body.</summary>
    private sealed record HeaderOnlyBody(SmgpCommand Command) : ISmgpBody
    {
        public int BodyLength => 0;

        public void Write(ref FieldWriter writer)
        {
        }
    }
}
