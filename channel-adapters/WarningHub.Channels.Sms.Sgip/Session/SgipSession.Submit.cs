using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Channels.Sms.Sgip.Session;

internal sealed partial class SgipSession
{
    /// <summary>
    /// Sends one Submit within the window and waits for Submit_Resp. Cancellation counts only while waiting for room
    /// in the window; once queued, the wait is bounded by the response timeout instead, so the answer always says
    /// truthfully whether the Submit left. The Sequence Number it went under is the message id its Report will name.
    /// </summary>
    public async Task<(SgipAnswer Answer, SgipSequence Sequence)> SubmitAsync(SubmitPdu submit, CancellationToken cancellationToken)
    {
        await _window.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_state != SessionState.Bound)
            {
                return (SgipAnswer.Failed(ResponseFailure.NotWritten), default);
            }

            var pending = Send(submit, out var sequence);
            return (await pending.Answer.ConfigureAwait(false), sequence);
        }
        finally
        {
            _window.Release();
        }
    }
}
