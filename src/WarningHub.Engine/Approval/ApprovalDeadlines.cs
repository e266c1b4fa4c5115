using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Approval;
using WarningHub.Core.Registry;
using WarningHub.Core.Users;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Approval;

/// <summary>
/// Watches warnings pending approval: one past its CAP expiry ends Expired (it was never sent); one waiting longer than
/// <see cref="ApprovalOptions.Deadline"/> calls the next approver by SMS, and one more after each further deadline.
/// Approvers are called in the order they were added, skipping the submitter, those who approved, disabled users and
/// users without a phone. Calls are recorded (and audited), so a restart calls nobody twice.
/// </summary>
public sealed partial class ApprovalDeadlines(
    IWarningStore warnings,
    IApprovalStore approvals,
    IUserStore users,
    WarningLifecycle lifecycle,
    ChannelRouter router,
    IOptions<ApprovalOptions> options,
    IOptions<EngineOptions> engine,
    TimeProvider time,
    ILogger<ApprovalDeadlines> logger) : BackgroundService
{
    private long _checks;

    /// <summary>Completed checks since start; tests wait on it instead of on the clock.</summary>
    public long Checks => Interlocked.Read(ref _checks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCheckFailed(ex);
            }
            Interlocked.Increment(ref _checks);
        }
        while (await NextAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One pass over every pending warning.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var warning in await warnings.ListPendingApprovalAsync(cancellationToken))
        {
            if (warning.Expires is { } expires && expires <= now)
            {
                await lifecycle.ExpireAsync(warning.Id, cancellationToken);
                continue;
            }
            var called = await approvals.CalledAsync(warning.Id, cancellationToken);
            var due = warning.ReceivedAt + (options.Value.Deadline * (called.Count + 1));
            if (due > now) continue;
            await CallNextAsync(warning, called, now, cancellationToken);
        }
    }

    private async Task CallNextAsync(WarningRecord warning, IReadOnlyList<string> called, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decided = (await approvals.DecisionsAsync(warning.Id, cancellationToken)).Select(d => d.User).ToHashSet(StringComparer.Ordinal);
        var next = (await users.ListAsync(cancellationToken)).FirstOrDefault(u => u.Role == HubRole.Approver && !u.Disabled && u.Phone is not null
            && u.Name != warning.Submitter && !decided.Contains(u.Name) && !called.Contains(u.Name, StringComparer.Ordinal));
        if (next is null) return;
        if ((router.AdapterFor(Core.Planning.Channels.Sms, next.Phone!, -warning.Id) ?? router.AdapterFor(Core.Planning.Channels.Sms)) is not ITextSender sms)
        {
            LogNoSms(warning.PublicId, next.Name);
            return;
        }
        var minutes = (int)(now - warning.ReceivedAt).TotalMinutes;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{engine.Value.SmsSignature}待签发：{warning.Headline}（{warning.PublicId}）已等待{minutes}分钟，请尽快审核签发。");
        // Not a ledger slot: a negative reference of its own per call, so the adapter's per-slot memory (SMPP's concatenation
        // references) never mixes it with a slot or with another call.
        var reference = -((warning.Id * 1000) + called.Count + 1);
        var result = await sms.SendAsync(new TextMessage(reference, next.Phone!, text, RequestReceipt: false), cancellationToken);
        if (result.Outcome is not (SendOutcome.Accepted or SendOutcome.Unknown))
        {
            LogCallFailed(warning.PublicId, next.Name, PhoneNumber.Mask(next.Phone), result.Outcome);
            return;
        }
        if (await approvals.RecordCallAsync(warning.Id, next.Name, now, cancellationToken)) LogCalled(warning.PublicId, next.Name, PhoneNumber.Mask(next.Phone));
    }

    [LoggerMessage(EventId = 1211, Level = LogLevel.Warning, Message = "Warning {PublicId} is past its approval deadline: approver {User} called at {Phone}")]
    private partial void LogCalled(string publicId, string user, string phone);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Error, Message = "Warning {PublicId} is past its approval deadline, but calling approver {User} at {Phone} failed ({Status}); tried again at the next check")]
    private partial void LogCallFailed(string publicId, string user, string phone, SendOutcome status);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Error, Message = "Warning {PublicId} is past its approval deadline, but no SMS gateway is configured to call approver {User}")]
    private partial void LogNoSms(string publicId, string user);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Error, Message = "The approval deadline check failed; it runs again at the next interval")]
    private partial void LogCheckFailed(Exception ex);
}
