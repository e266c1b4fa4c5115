using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Gateway;
using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip;

public sealed partial class SgipGateway
{
    /// <summary>
    /// Sends one text as UCS2 parts, in order, each on any bound link. Returns Accepted with one id per part (the
    /// Submit's Sequence Number, which its Report names), Unavailable when no link is bound (nothing written), or the
    /// failure of the first part that failed. <see cref="TextMessage.BeforeWrite"/> is awaited once, right before the
    /// first Submit is written (after the rate limiter let it go).
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (UserNumber(message.Address) is not { } userNumber)
        {
            return DeliveryResult.Permanent(SgipResults.Code(6), "The address is not a mobile number (digits only, at most 21 with 86).");
        }

        if (!_links.Started)
        {
            return DeliveryResult.Unavailable($"SGIP gateway {Name} is not started.");
        }

        var text = Signature.Apply(message.Text, _options.Signature);
        var partCount = Ucs2Parts.Count(text);
        if (partCount > _options.MaxParts)
        {
            return DeliveryResult.Permanent(SgipResults.Code(8), $"The text needs {partCount} parts; at most {_options.MaxParts} are allowed.");
        }

        if (LiveBinds == 0)
        {
            return DeliveryResult.Unavailable(Health.Problem ?? $"SGIP gateway {Name} has no connection.");
        }

        var parts = BuildSubmits(text, userNumber, message.RequestReceipt, ConcatenationReference(message.Reference), message.Flash);
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

    /// <summary>UserNumber as SGIP wants it: "86" + the national number; null when the address is not digits or too long.</summary>
    internal static string? UserNumber(string address)
    {
        if (address.Length == 0 || address.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return null;
        }

        var number = address.StartsWith("86", StringComparison.Ordinal) && address.Length > 11 ? address : "86" + address;
        return number.Length <= 21 ? number : null;
    }

    /// <summary>
    /// The UDH reference comes from the slot, not a counter: a resend of the same slot after a lost link carries the
    /// same reference and part numbers, so a handset that got some parts the first time still assembles one message.
    /// </summary>
    internal static byte ConcatenationReference(long slot) => (byte)(slot ^ (slot >> 8) ^ (slot >> 16) ^ (slot >> 24));

    private SubmitPdu[] BuildSubmits(string text, string userNumber, bool requestReceipt, byte reference, bool flash = false)
    {
        var contents = Ucs2Parts.Encode(text, reference);
        var submits = new SubmitPdu[contents.Count];
        for (var i = 0; i < contents.Count; i++)
        {
            submits[i] = new SubmitPdu
            {
                SpNumber = _options.SpNumber,
                UserNumbers = [userNumber],
                CorpId = _options.CorpId,
                ServiceType = _options.ServiceType,
                ReportFlag = (byte)(requestReceipt ? _options.ReportFlag : 2),
                TpUdhi = (byte)(contents.Count > 1 ? 1 : 0),
                MessageCoding = flash ? MessageFormat.Ucs2Flash : MessageFormat.Ucs2,
                MessageContent = contents[i],
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
        _logger.LogWarning("SGIP gateway {Gateway}: message {Reference} to {Address} partly sent: {Reason}", Name, message.Reference, PersonalData.Phone(message.Address), reason);
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
                return (null, DeliveryResult.Unavailable(Health.Problem ?? $"SGIP gateway {Name} has no connection."));
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

            var (answer, sequence) = await session.SubmitAsync(submit, cancellationToken).ConfigureAwait(false);
            switch (answer.Failure)
            {
                case ResponseFailure.NotWritten when ++unwritten <= _options.Binds + 1:
                    // Nothing left: another connection (or this one bound again after an idle renewal) may take it.
                    await WaitForLiveAsync(_options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
                    continue;
                case ResponseFailure.NotWritten:
                    return (null, DeliveryResult.Unavailable($"The connections of SGIP gateway {Name} closed before Submit could be written."));
                case ResponseFailure.Unanswered:
                    return (null, DeliveryResult.Unknown($"Submit was sent {1 + _options.MaxResends} time(s) without Submit_Resp; the link was dropped."));
                case ResponseFailure.Malformed:
                    return (null, DeliveryResult.Unknown("Submit_Resp could not be read."));
            }

            switch (SgipResults.ClassifySubmit(answer.Result))
            {
                case ResultClass.Accepted:
                    _flow.OnAccepted();
                    return (sequence.ToString(), default);
                case ResultClass.FlowControl:
                    var pause = _flow.OnFlowControl();
                    if (++throttles >= _options.ThrottleMaxAttempts)
                    {
                        return (null, DeliveryResult.Temporary(SgipResults.Code(answer.Result), $"The SMG kept answering {SgipResults.Name(answer.Result)}; gave up after {throttles} attempt(s).", pause));
                    }

                    continue;
                case ResultClass.Temporary:
                    return (null, DeliveryResult.Temporary(SgipResults.Code(answer.Result), $"The SMG answered {SgipResults.Name(answer.Result)}."));
                default:
                    return (null, DeliveryResult.Permanent(SgipResults.Code(answer.Result), $"The SMG answered {SgipResults.Name(answer.Result)}."));
            }
        }
    }

    /// <summary>Waits (bounded) until a connection is bound, so a part refused by a closing link can go on the next.</summary>
    private async Task WaitForLiveAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(limit, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _links.WaitForLiveAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // None came back in time: PickSession answers Unavailable.
        }
    }
}
