using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Notices;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;

namespace WarningHub.Engine.Notices;

/// <summary>
/// Sends officer notices (叫应 calls, reminders, lists of silent names, door-to-door links): each is queued durably
/// in the ledger's database before anything leaves, then sent by the adapter of its channel. Like a slot, a
/// temporary failure is retried with the engine's <see cref="RetryPolicy"/>, a gateway that is down costs no
/// attempt, and a notice whose warning has ended is not sent. Unlike a slot, a notice whose outcome is unknown
/// (link lost after the request left) is sent again and flagged: an officer may read a call twice, never miss it.
/// Enqueueing wakes the sender; a poll every <see cref="NoticeOptions.PollInterval"/> picks up retries and anything
/// a restart left (recovered at start).
/// </summary>
public sealed class NoticeOutbox(
    INoticeStore store,
    IWarningStore warnings,
    ChannelRouter router,
    RetryPolicy retry,
    IOptions<NoticeOptions> options,
    TimeProvider time,
    ILogger<NoticeOutbox> logger) : BackgroundService
{
    private const int Batch = 64;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues notices durably (a key already queued is skipped) and wakes the sender. Returns how many were new.</summary>
    public async Task<int> EnqueueAsync(IReadOnlyList<OfficerNotice> notices, CancellationToken cancellationToken)
    {
        var added = await store.EnqueueAsync(notices, time.GetUtcNow(), cancellationToken);
        if (added > 0) Wake();
        return added;
    }

    /// <summary>Sends every notice due now, batch by batch; returns how many were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        for (var round = 0; round < 1000; round++)
        {
            var claimed = await store.ClaimDueAsync(time.GetUtcNow(), Batch, cancellationToken);
            if (claimed.Count == 0) break;
            tried += claimed.Count;
            var ended = new ConcurrentDictionary<long, bool>();
            var outcomes = new ConcurrentBag<NoticeOutcome>();
            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                async (notice, ct) => outcomes.Add(await SendAsync(notice, ended, ct)));
            await store.RecordAsync([.. outcomes], CancellationToken.None);
        }

        return tried;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await store.RecoverAsync(time.GetUtcNow(), stoppingToken);
        if (recovered > 0) logger.LogWarning("{Count} officer notice(s) were being sent when the hub stopped: sent again, flagged possibly duplicated", recovered);
        while (!stoppingToken.IsCancellationRequested)
        {
            // A fresh signal before each pass: a notice queued during the pass wakes the next one at once.
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _wake, wake);
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending officer notices failed; tried again at the next poll");
            }

            try
            {
                await wake.Task.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (TimeoutException)
            {
                // The poll: retries and waits that have come due.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Wakes the sender: notices were queued by another path (a 叫应 store writes them with its own rows).</summary>
    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    private async Task<NoticeOutcome> SendAsync(StoredNotice stored, ConcurrentDictionary<long, bool> ended, CancellationToken cancellationToken)
    {
        var notice = stored.Notice;
        var now = time.GetUtcNow();
        if (notice.WarningId > 0 && await HasEndedAsync(notice.WarningId, ended, now, cancellationToken))
        {
            return new NoticeOutcome(stored.Id, DeliveryStatus.Cancelled, now, Error: "the warning has ended");
        }

        if (router.AdaptersFor(notice.Channel) is not [ITextSender, ..])
        {
            return new NoticeOutcome(stored.Id, DeliveryStatus.Failed, now, Error: $"no adapter serves the {notice.Channel} channel");
        }

        // The officer's number goes through its operator's gateway, or the next one up (routing, as for every slot).
        if (router.AdapterFor(notice.Channel, notice.Address, -stored.Id) is not ITextSender sender)
        {
            return Wait(stored, now, "the gateway is down");
        }

        var message = new TextMessage(-stored.Id, notice.Address, notice.Text, RequestReceipt: false)
        {
            Flash = options.Value.FlashFor.Contains(NoticeAudience.Of(notice.Key), StringComparer.Ordinal),
            Fields = notice.Mention is { } mention
                ? new Dictionary<string, string> { [MessageFields.MentionedMobiles] = mention, [MessageFields.WarningId] = notice.WarningId.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                // A voice call's result comes back by callback under its call id: the notice's key names the warning, officer and attempt.
                : notice.Channel == Core.Planning.Channels.Voice ? new Dictionary<string, string> { [MessageFields.CallId] = notice.Key }
                : new Dictionary<string, string>(),
        };
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = DeliveryResult.Temporary(null, ex.GetType().Name);
        }

        now = time.GetUtcNow();
        return result.Outcome switch
        {
            SendOutcome.Accepted => new NoticeOutcome(stored.Id, DeliveryStatus.Sent, now),
            SendOutcome.PermanentFailure => new NoticeOutcome(stored.Id, DeliveryStatus.Failed, now, Error: Describe(result)),
            SendOutcome.GatewayUnavailable => Wait(stored, now, Describe(result)),
            SendOutcome.Unknown => Retry(stored, now, result, possiblyDuplicated: true),
            _ => Retry(stored, now, result, possiblyDuplicated: false),
        };
    }

    private NoticeOutcome Wait(StoredNotice stored, DateTimeOffset now, string reason) =>
        new(stored.Id, DeliveryStatus.Queued, now, now + options.Value.GatewayWait, reason, RefundAttempt: true);

    private NoticeOutcome Retry(StoredNotice stored, DateTimeOffset now, DeliveryResult result, bool possiblyDuplicated)
    {
        var next = retry.NextAttempt(stored.Attempts, now, expires: null, result.RetryAfter);
        return next is { } at
            ? new NoticeOutcome(stored.Id, DeliveryStatus.Queued, now, at, Describe(result), PossiblyDuplicated: possiblyDuplicated)
            : new NoticeOutcome(stored.Id, possiblyDuplicated ? DeliveryStatus.Sent : DeliveryStatus.Failed, now, Error: Describe(result), PossiblyDuplicated: possiblyDuplicated);
    }

    private async Task<bool> HasEndedAsync(long warningId, ConcurrentDictionary<long, bool> ended, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ended.TryGetValue(warningId, out var known)) return known;
        var warning = await warnings.GetByIdAsync(warningId, cancellationToken);
        var over = warning is null || warning.State.HasEnded() || (warning.Expires is { } end && end <= now);
        ended[warningId] = over;
        return over;
    }

    private static string Describe(DeliveryResult result) =>
        result.ErrorCode is null ? result.Reason ?? result.Outcome.ToString() : $"{result.ErrorCode}: {result.Reason}";
}
