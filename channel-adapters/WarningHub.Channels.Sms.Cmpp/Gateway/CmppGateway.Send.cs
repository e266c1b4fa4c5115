using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Gateway;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp;

public sealed partial class CmppGateway
{
    /// <summary>
    /// Sends one text as UCS2 parts, in order, each on any connected link. Returns Accepted with one Msg_Id per part,
    /// Unavailable when no link is connected (nothing written), or the failure of the first part that failed.
    /// <see cref="TextMessage.BeforeWrite"/> is awaited once, right before the first SUBMIT is written (after the rate
    /// limiter let it go), so the hub marks a slot possibly sent only when a request really may leave.
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsValidTerminal(message.Address, _version))
        {
            return DeliveryResult.Permanent(CmppResults.Code(13), $"The address is not a mobile number (digits only, at most {_version.TerminalIdLength}).");
        }

        if (!_links.Started)
        {
            return DeliveryResult.Unavailable($"CMPP gateway {Name} is not started.");
        }

        var text = Signature.Apply(message.Text, _options.Signature);
        var partCount = Ucs2Parts.Count(text);
        if (partCount > _options.MaxParts)
        {
            return DeliveryResult.Permanent(CmppResults.Code(6), $"The text needs {partCount} parts; at most {_options.MaxParts} are allowed.");
        }

        if (LiveBinds == 0)
        {
            return DeliveryResult.Unavailable(Health.Problem ?? $"CMPP gateway {Name} has no connection.");
        }

        var parts = BuildSubmits(text, message.Address, message.RequestReceipt, ConcatenationReference(message.Reference), message.Flash);
        var ids = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            // The token may stop a message before its first part leaves, never half-way: nobody must get a fragment.
            var first = i == 0;
            var outcome = await SubmitPartAsync(parts[i], first ? message.BeforeWrite : null, first ? cancellationToken : CancellationToken.None).ConfigureAwait(false);
            if (outcome.Id is null)
            {
                return PartialFailure(outcome.Failure, i, ids, message);
            }

            ids[i] = outcome.Id;
        }

        return DeliveryResult.Accepted(ids);
    }

    /// <summary>Digits only, as Dest_terminal_Id holds them (national form or with 86).</summary>
    internal static bool IsValidTerminal(string address, CmppVersion version) =>
        address.Length > 0 && address.Length <= version.TerminalIdLength && address.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// The UDH reference comes from the slot, not a counter: a resend of the same slot after a lost link carries the
    /// same reference and part numbers, so a handset that got some parts the first time still assembles one message.
    /// </summary>
    internal static byte ConcatenationReference(long slot) => (byte)(slot ^ (slot >> 8) ^ (slot >> 16) ^ (slot >> 24));

    private SubmitPdu[] BuildSubmits(string text, string destination, bool requestReceipt, byte reference, bool flash = false)
    {
        var contents = Ucs2Parts.Encode(text, reference);
        var submits = new SubmitPdu[contents.Count];
        for (var i = 0; i < contents.Count; i++)
        {
            submits[i] = new SubmitPdu
            {
                PkTotal = (byte)contents.Count,
                PkNumber = (byte)(i + 1),
                RegisteredDelivery = (byte)(requestReceipt && _options.RegisteredDelivery ? 1 : 0),
                ServiceId = _options.ServiceId,
                TpUdhi = (byte)(contents.Count > 1 ? 1 : 0),
                MsgFmt = flash ? MessageFormat.Ucs2Flash : MessageFormat.Ucs2,
                MsgSrc = _options.SourceAddr,
                SrcId = _options.SrcId,
                DestTerminalIds = [destination],
                MsgContent = contents[i],
            };
        }

        return submits;
    }

    /// <summary>After an accepted part a resend duplicates: temporary and unavailable failures become Unknown then.</summary>
    private DeliveryResult PartialFailure(DeliveryResult failure, int failedPart, string[] ids, TextMessage message)
    {
        if (failedPart == 0)
        {
            return failure;
        }

        var reason = $"Parts 1-{failedPart} of {ids.Length} were accepted (ids {string.Join(",", ids.Take(failedPart))}); part {failedPart + 1} failed: {failure.Reason}";
        _logger.LogWarning("CMPP gateway {Gateway}: message {Reference} to {Address} partly sent: {Reason}", Name, message.Reference, PersonalData.Phone(message.Address), reason);
        return failure.Outcome == SendOutcome.PermanentFailure
            ? failure with { Reason = reason }
            : DeliveryResult.Unknown(reason) with { ErrorCode = failure.ErrorCode };
    }

    /// <summary>Submits one part, within the window and the rate, and waits for its answer.</summary>
    /// <param name="submit">The part.</param>
    /// <param name="beforeWrite">Awaited once, just before the first write of this part; null when nothing is to be recorded.</param>
    /// <param name="cancellationToken">Stops waiting; a part already written still counts as possibly sent.</param>
    private async ValueTask<(string? Id, DeliveryResult Failure)> SubmitPartAsync(
        SubmitPdu submit, Func<CancellationToken, ValueTask>? beforeWrite, CancellationToken cancellationToken)
    {
        var throttles = 0;
        var unwritten = 0;
        while (true)
        {
            var session = PickSession();
            if (session is null)
            {
                return (null, DeliveryResult.Unavailable(Health.Problem ?? $"CMPP gateway {Name} has no connection."));
            }

            await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
            if (beforeWrite is not null)
            {
                // The hub records that this message may leave before its first byte does (guarantee 3).
                try
                {
                    await beforeWrite(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return (null, DeliveryResult.Temporary(null, "The hub could not record the send, so nothing was written: " + ex.Message));
                }

                beforeWrite = null;
            }

            var answer = await session.SubmitAsync(submit, cancellationToken).ConfigureAwait(false);
            switch (answer.Failure)
            {
                case ResponseFailure.NotWritten when ++unwritten <= _options.Binds:
                    continue; // nothing left: another connection may take it at once
                case ResponseFailure.NotWritten:
                    return (null, DeliveryResult.Unavailable($"The connections of CMPP gateway {Name} closed before SUBMIT could be written."));
                case ResponseFailure.Unanswered:
                    return (null, DeliveryResult.Unknown($"SUBMIT was sent {1 + _options.MaxResends} time(s) without SUBMIT_RESP; the link was dropped."));
                case ResponseFailure.Malformed:
                    return (null, DeliveryResult.Unknown("SUBMIT_RESP could not be read."));
            }

            switch (CmppResults.ClassifySubmit(answer.Result))
            {
                case ResultClass.Accepted:
                    _flow.OnAccepted();
                    return (new MsgId(answer.MsgId).ToString(), default);
                case ResultClass.FlowControl:
                    var pause = _flow.OnFlowControl();
                    if (++throttles >= _options.ThrottleMaxAttempts)
                    {
                        return (null, DeliveryResult.Temporary(CmppResults.Code(answer.Result), $"The ISMG kept answering {CmppResults.SubmitName(answer.Result)}; gave up after {throttles} attempt(s).", pause));
                    }

                    continue;
                case ResultClass.Temporary:
                    return (null, DeliveryResult.Temporary(CmppResults.Code(answer.Result), $"The ISMG answered {CmppResults.SubmitName(answer.Result)}."));
                default:
                    return (null, DeliveryResult.Permanent(CmppResults.Code(answer.Result), $"The ISMG answered {CmppResults.SubmitName(answer.Result)}."));
            }
        }
    }
}
