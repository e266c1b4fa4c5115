using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Gateway;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Session;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    /// <summary>
    /// Sends one text: all its missing parts back to back on one bind. Returns Accepted with one id per part (also
    /// the parts an earlier attempt of the same slot got accepted), Unavailable at once while no bind is up, Unknown
    /// only when a submit of this attempt was written and not answered, else Temporary or Permanent. A resend of the
    /// same slot (<see cref="TextMessage.Reference"/>) reuses the concatenation reference and sends only the parts
    /// that were not accepted. See README.md.
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
            return DeliveryResult.Unavailable($"The SMPP gateway {Name} is not started.");
        }

        if (LiveBinds == 0)
        {
            return NoBind();
        }

        var signed = Signature.Apply(message.Text, _options.Signature);
        var text = _parts.Segment(signed) with { Flash = message.Flash };
        if (text.Segments.Count > _options.MaxParts)
        {
            return DeliveryResult.Permanent(
                CommandStatus.ToCode(CommandStatus.InvalidMessageLength),
                $"The text needs {text.Segments.Count} parts; at most {_options.MaxParts} are allowed.");
        }

        if (!text.IsConcatenated || _options.UseMessagePayload)
        {
            var single = text.IsConcatenated
                ? _parts.BuildPayload(text, message.Address, message.RequestReceipt)
                : _parts.Build(text, message.Address, message.RequestReceipt, 0)[0];
            return await SendPartsAsync(message, [single], null, cancellationToken).ConfigureAwait(false);
        }

        var progress = _memory.Begin(message.Reference, message.Address, text.Segments.Count, signed.GetHashCode(StringComparison.Ordinal));
        var pdus = _parts.Build(text, message.Address, message.RequestReceipt, progress.Reference);
        return await SendPartsAsync(message, pdus, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Rounds until every part is accepted or an answer ends the attempt. A round sends the missing parts on one bind;
    /// the next round resubmits throttled parts on the same bind after the pause, or, when nothing of the round was
    /// written because its bind went down, the missing parts on another live bind.
    /// </summary>
    private async ValueTask<DeliveryResult> SendPartsAsync(TextMessage message, ShortMessagePdu[] pdus, SlotProgress? progress, CancellationToken cancellationToken)
    {
        var ids = new string?[pdus.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = progress?.IdOf(i);
        }

        var tally = new AttemptTally();
        var mark = new WriteMark(message.BeforeWrite);
        Interlocked.Increment(ref _sending);
        try
        {
            return await SendRoundsAsync(message, pdus, progress, ids, tally, mark, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref _sending) == 0) Volatile.Read(ref _drained)?.TrySetResult();
        }
    }

    private async ValueTask<DeliveryResult> SendRoundsAsync(
        TextMessage message, ShortMessagePdu[] pdus, SlotProgress? progress, string?[] ids, AttemptTally tally, WriteMark mark, CancellationToken cancellationToken)
    {
        SmppSession? session = null;
        var rebinds = 0;
        while (true)
        {
            var missing = Enumerable.Range(0, pdus.Length).Where(i => ids[i] is null).ToList();
            if (missing.Count == 0)
            {
                if (progress is not null)
                {
                    _memory.End(progress);
                }

                return DeliveryResult.Accepted(ids!);
            }

            session = session is { IsBound: true } ? session : PickLiveSession();
            if (session is null)
            {
                return Explain(tally.Unknown ?? NoBind(), ids, message);
            }

            tally.StartRound();
            // The hub records that this message may leave right before its first byte does (guarantee 3): see WriteMark.
            await SendRoundAsync(session, pdus, missing, ids, progress, tally, mark, cancellationToken).ConfigureAwait(false);
            if (mark.Failure is { } notRecorded)
            {
                return DeliveryResult.Temporary(null, "The hub could not record the send, so nothing was written: " + notRecorded.Message);
            }

            if (tally.Permanent is { } permanent)
            {
                if (progress is not null)
                {
                    _memory.End(progress);
                }

                return Explain(permanent, ids, message);
            }

            if (tally.Unknown is { } unknown)
            {
                return Explain(unknown, ids, message);
            }

            if (tally.Temporary is { } temporary)
            {
                return Explain(temporary, ids, message);
            }

            if (tally.Throttled.Count > 0)
            {
                if (ThrottledTooLong(tally) is { } givenUp)
                {
                    return Explain(givenUp, ids, message);
                }

                await Task.Delay(tally.Pause, _time, CancellationToken.None).ConfigureAwait(false);
                continue;
            }

            if (tally.Unwritten is { } unwritten)
            {
                session = null;
                if (++rebinds > _options.Binds)
                {
                    return Explain(LiveBinds == 0 ? NoBind() : unwritten, ids, message);
                }
            }
        }
    }

    private DeliveryResult NoBind() => DeliveryResult.Unavailable(Health.Problem ?? $"No SMPP bind of gateway {Name} is up.");

    private DeliveryResult? ThrottledTooLong(AttemptTally tally)
    {
        if (tally.ThrottleRounds++ == 0)
        {
            tally.ThrottledSince = _time.GetTimestamp();
        }

        if (tally.ThrottleRounds < _options.ThrottleMaxAttempts && _time.GetElapsedTime(tally.ThrottledSince) + tally.Pause <= _options.ThrottleMaxWait)
        {
            return null;
        }

        return DeliveryResult.Temporary(
            CommandStatus.ToCode(tally.ThrottleStatus),
            $"The SMSC kept answering {Results.CommandStatusTable.NameOf(tally.ThrottleStatus)}; gave up after {tally.ThrottleRounds} attempt(s).",
            tally.Pause);
    }

    /// <summary>
    /// A result that is not Accepted says which parts the SMSC holds: their receipts may still come, and a resend of
    /// the slot sends only the others (Unknown, Temporary, Unavailable) or nothing (Permanent).
    /// </summary>
    private DeliveryResult Explain(DeliveryResult failure, string?[] ids, TextMessage message)
    {
        var accepted = ids.Select((id, i) => (id, part: i + 1)).Where(p => p.id is not null).ToList();
        if (accepted.Count == 0 || ids.Length == 1)
        {
            return failure;
        }

        var reason = $"Parts {string.Join(",", accepted.Select(p => p.part))} of {ids.Length} were accepted (ids {string.Join(",", accepted.Select(p => p.id))}); {failure.Reason}";
        _logger.LogWarning("SMPP gateway {Gateway}: message {Reference} to {Address} partly sent: {Reason}", Name, message.Reference, PersonalData.Phone(message.Address), reason);
        return failure with { Reason = reason };
    }
}
