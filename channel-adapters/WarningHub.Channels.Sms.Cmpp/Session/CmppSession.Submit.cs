using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Transport;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp.Session;

internal sealed partial class CmppSession
{
    /// <summary>
    /// Sends one SUBMIT within the window and waits for SUBMIT_RESP. Cancellation counts only while waiting for room
    /// in the window; once queued, the wait is bounded by the resend rule instead, so the answer always says
    /// truthfully whether the SUBMIT left.
    /// </summary>
    public async Task<CmppAnswer> SubmitAsync(SubmitPdu submit, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != SessionState.Connected)
            {
                return CmppAnswer.Failed(ResponseFailure.NotWritten);
            }

            return await Send(submit).Answer.ConfigureAwait(false);
        }
        finally
        {
            _window.Release();
        }
    }
}
