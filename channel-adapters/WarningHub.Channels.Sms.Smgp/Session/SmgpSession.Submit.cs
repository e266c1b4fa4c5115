using WarningHub.Channels.Sms.Smgp.Protocol;
using WarningHub.Channels.Sms.Smgp.Transport;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Smgp.Session;

internal sealed partial class SmgpSession
{
    /// <summary>
    /// Sends one Submit within the window and waits for Submit_Resp. Cancellation counts only while waiting for room
    /// in the window; once queued, the wait is bounded by the resend rule instead, so the answer always says
    /// truthfully whether the Submit left.
    /// </summary>
    public async Task<SmgpAnswer> SubmitAsync(SubmitPdu submit, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != SessionState.Connected)
            {
                return SmgpAnswer.Failed(ResponseFailure.NotWritten);
            }

            return await Send(submit).Answer.ConfigureAwait(false);
        }
        finally
        {
            _window.Release();
        }
    }
}
