using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Gateway;
using WarningHub.Channels.Sms.Smpp.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Results;
using WarningHub.Channels.Sms.Smpp.Text;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    /// <summary>
    /// Sends one text as one or more parts, in order, each on any live bind. Returns Accepted with one id per part,
    /// or the failure of the first part that failed (see README.md for the status table and for how a message
    /// that failed after some parts were accepted is reported).
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!SubmitSmFactory.IsValidDestination(message.Address))
        {
            return DeliveryResult.Permanent(CommandStatus.ToCode(CommandStatus.InvalidDestinationAddress), "The address is not a phone number (digits, optional leading +, at most 20).");
        }

        if (Volatile.Read(ref _stopping) is null)
        {
            return DeliveryResult.Temporary(null, "The SMPP gateway is not started.");
        }

        var text = SegmentedText.Create(Signature.Apply(message.Text, _options.Signature));
        if (text.Segments.Count > _options.MaxParts)
        {
            return DeliveryResult.Permanent(
                CommandStatus.ToCode(CommandStatus.InvalidMessageLength),
                $"The text needs {text.Segments.Count} parts; at most {_options.MaxParts} are allowed.");
        }

        var reference = text.IsConcatenated ? (ushort)Interlocked.Increment(ref _concatenationReference) : (ushort)0;
        var parts = _parts.Build(text, message.Address, message.RequestReceipt, reference);
        var ids = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            // The token may stop a message before its first part leaves, never half-way: a recipient must not
            // get a fragment of a warning, so once the first part is queued the rest follow.
            var outcome = await SubmitPartAsync(parts[i], i == 0 ? cancellationToken : CancellationToken.None).ConfigureAwait(false);

            if (!outcome.IsAccepted)
            {
                return PartialFailure(outcome.Failure, i, ids, message);
            }

            ids[i] = _ids.FromSubmit(outcome.MessageId!);
        }

        return DeliveryResult.Accepted(ids);
    }

    /// <summary>
    /// Once a part was accepted, something reached the SMSC: a resend duplicates those parts. So a temporary or
    /// unknown failure after an accepted part is reported as Unknown (the engine marks it possibly duplicated); a
    /// permanent one stays Permanent, since resending cannot help. The reason lists the accepted parts' ids.
    /// </summary>
    private DeliveryResult PartialFailure(DeliveryResult failure, int failedPart, string[] ids, TextMessage message)
    {
        if (failedPart == 0)
        {
            return failure;
        }

        var accepted = string.Join(",", ids.Take(failedPart));
        var reason = $"Parts 1-{failedPart} of {ids.Length} were accepted (ids {accepted}); part {failedPart + 1} failed: {failure.Reason}";
        _logger.LogWarning("SMPP gateway {Gateway}: message {Reference} to {Address} partly sent: {Reason}", Name, message.Reference, PhoneMask.Mask(message.Address), reason);
        return failure.Outcome == SendOutcome.PermanentFailure
            ? failure with { Reason = reason }
            : DeliveryResult.Unknown(reason) with { ErrorCode = failure.ErrorCode, RetryAfter = failure.RetryAfter };
    }

    /// <summary>Submits one part, resubmitting it itself while the SMSC throttles (within the configured bounds).</summary>
    private async ValueTask<PartOutcome> SubmitPartAsync(ShortMessagePdu pdu, CancellationToken cancellationToken)
    {
        var throttledSince = 0L;
        var throttles = 0;
        var unwrittenRetries = 0;
        while (true)
        {
            var session = await PickSessionAsync(cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return PartOutcome.Failed(DeliveryResult.Temporary(null, "No SMPP bind is up.", _options.ReconnectMin));
            }

            await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var response = await session.SubmitAsync(pdu, cancellationToken).ConfigureAwait(false);
            if (!response.IsAnswered)
            {
                // Nothing left this process: another bind may take it at once.
                if (response.Failure == ResponseFailure.LostBeforeWrite && ++unwrittenRetries < _options.Binds + 1)
                {
                    continue;
                }

                return PartOutcome.Failed(FromFailure(response.Failure));
            }

            var status = response.Status;
            switch (CommandStatusTable.Classify(status))
            {
                case StatusClass.Accepted:
                    _governor.OnAccepted();
                    return PartOutcome.Accepted(response.MessageId ?? string.Empty);

                case StatusClass.FlowControl:
                    var pause = _governor.OnThrottled();
                    if (throttles++ == 0)
                    {
                        throttledSince = _time.GetTimestamp();
                    }

                    if (throttles >= _options.ThrottleMaxAttempts || _time.GetElapsedTime(throttledSince) + pause > _options.ThrottleMaxWait)
                    {
                        return PartOutcome.Failed(DeliveryResult.Temporary(
                            CommandStatus.ToCode(status),
                            $"The SMSC kept answering {CommandStatusTable.NameOf(status)}; gave up after {throttles} attempt(s).",
                            pause));
                    }

                    continue;

                case StatusClass.Temporary:
                    return PartOutcome.Failed(DeliveryResult.Temporary(CommandStatus.ToCode(status), $"The SMSC answered {CommandStatusTable.NameOf(status)}."));

                default:
                    return PartOutcome.Failed(DeliveryResult.Permanent(CommandStatus.ToCode(status), $"The SMSC answered {CommandStatusTable.NameOf(status)}."));
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
