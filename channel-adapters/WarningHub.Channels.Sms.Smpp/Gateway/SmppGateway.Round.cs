using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Gateway;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Results;
using WarningHub.Channels.Sms.Smpp.Session;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    /// <summary>
    /// Queues the missing parts on <paramref name="session"/> one after the other without waiting for responses, then
    /// reads every response into <paramref name="tally"/>. The caller's token can stop the message only before its
    /// first submit is queued: a recipient must not get a fragment because the caller gave up.
    /// </summary>
    private async Task SendRoundAsync(
        SmppSession session, ShortMessagePdu[] pdus, List<int> missing, string?[] ids, SlotProgress? progress, AttemptTally tally, WriteMark mark,
        CancellationToken cancellationToken)
    {
        var responses = new List<(int Part, Task<PduResponse> Response)>(missing.Count);
        foreach (var part in missing)
        {
            var response = await session.QueueSubmitAsync(pdus[part], _limiter, mark, tally.AnyQueued ? CancellationToken.None : cancellationToken).ConfigureAwait(false);
            responses.Add((part, response));
            if (response.IsCompleted && response.Result.Failure == ResponseFailure.LostBeforeWrite)
            {
                break; // the bind is gone: the other parts go together in the next round
            }

            tally.AnyQueued = true;
        }

        foreach (var (part, pending) in responses)
        {
            var response = await pending.ConfigureAwait(false);
            if (!response.IsAnswered)
            {
                var failure = FromFailure(response.Failure);
                if (response.MayHaveLeft)
                {
                    tally.Unknown ??= failure;
                }
                else
                {
                    tally.Unwritten ??= failure;
                }

                continue;
            }

            switch (CommandStatusTable.Classify(response.Status))
            {
                case StatusClass.Accepted:
                    _governor.OnAccepted();
                    var id = _ids.FromSubmit(response.MessageId ?? string.Empty);
                    ids[part] = id;
                    progress?.Accept(part, id);
                    break;

                case StatusClass.FlowControl:
                    tally.Pause = _governor.OnThrottled();
                    tally.ThrottleStatus = response.Status;
                    tally.Throttled.Add(part);
                    break;

                case StatusClass.Temporary:
                    tally.Temporary ??= DeliveryResult.Temporary(CommandStatus.ToCode(response.Status), $"The SMSC answered {CommandStatusTable.NameOf(response.Status)}.");
                    break;

                default:
                    tally.Permanent ??= DeliveryResult.Permanent(CommandStatus.ToCode(response.Status), $"The SMSC answered {CommandStatusTable.NameOf(response.Status)}.");
                    break;
            }
        }
    }

    private DeliveryResult FromFailure(ResponseFailure failure) => failure switch
    {
        ResponseFailure.TimedOutBeforeWrite => DeliveryResult.Temporary(null, $"submit_sm could not be written within {_options.ResponseTimeout}."),
        ResponseFailure.LostBeforeWrite => DeliveryResult.Temporary(null, "The SMPP connection was lost before submit_sm was written.", _options.ReconnectMin),
        ResponseFailure.TimedOutAfterWrite => DeliveryResult.Unknown($"submit_sm was written but not answered within {_options.ResponseTimeout}."),
        ResponseFailure.LostAfterWrite => DeliveryResult.Unknown("The SMPP connection was lost after submit_sm was written, before its response."),
        _ => DeliveryResult.Unknown("submit_sm or its response could not be encoded or decoded."),
    };
}
