using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using static WarningHub.Engine.Tests.Acknowledgements.AcknowledgementHarness;

namespace WarningHub.Engine.Tests.Acknowledgements;

/// <summary>叫应 from call to escalation on fake time: who is called, who answers, who hears of the silent, and nothing twice.</summary>
public sealed class AcknowledgementEscalationTests : IAsyncLifetime
{
    private readonly AcknowledgementHarness _h = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RedWarning_CallsEveryOfficerWithTheAckDutyOnce_AndPutsTheDeadlineOnQuartz()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        var start = _h.Engine.Time.GetUtcNow();

        var made = await _h.Calls.StartAsync(warning, default);
        var again = await _h.Calls.StartAsync(warning, default); // a release resumed after a crash
        await _h.Outbox.SendDueAsync(default);

        Assert.Equal((5, 0), (made, again));
        var calls = await _h.Store.OfWarningAsync(warning.Id, default);
        Assert.Equal([1L, 2, 5, 3, 4], calls.Select(c => c.OfficerId)); // by tier; officer 6 only goes door to door
        Assert.All(calls, c => Assert.Equal(TimeSpan.FromMinutes(5), c.Deadline));
        Assert.Equal([County], calls.Single(c => c.OfficerId == 4).Regions);
        Assert.Equal(start + TimeSpan.FromMinutes(5), await _h.TriggerAtAsync(warning.Id));
        Assert.Equal(5, _h.Sms.Sends);
        var text = Assert.Single(await _h.TextsToAsync(warning.Id, PhoneOf(1)));
        Assert.StartsWith("【井研县应急管理局】【叫应】", text, StringComparison.Ordinal);
        Assert.Contains("回复1或“收到”", text, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8080" + _h.Links.PathOf(warning.PublicId, 1), text, StringComparison.Ordinal);
        Assert.True(text.Length <= Core.Templates.SmsText.MaxLength);
    }

    [Fact]
    public async Task AtTheDeadline_SilentOfficersAreReminded_TheNextTierGetsTheirNames_AndTheTierAfterOneDeadlineLater()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        await _h.Calls.StartAsync(warning, default);
        await _h.Replies.HandleAsync(new InboundText("86" + PhoneOf(2), "10657001", "收到", _h.Engine.Time.GetUtcNow()), default);

        _h.Engine.Time.Advance(TimeSpan.FromMinutes(4));
        var early = await _h.Escalation.RunAsync(warning.Id, default);
        _h.Engine.Time.Advance(TimeSpan.FromMinutes(1));
        var next = await _h.Escalation.RunAsync(warning.Id, default);
        var repeated = await _h.Escalation.RunAsync(warning.Id, default); // a trigger fired again, or a restart
        var afterStep1 = await _h.Notices.OfWarningAsync(warning.Id, null, default);

        Assert.Equal(_h.Engine.Time.GetUtcNow(), early); // nothing was due yet: the deadline is now
        Assert.Equal(_h.Engine.Time.GetUtcNow() + TimeSpan.FromMinutes(5), next);
        Assert.Equal(next, repeated);
        var reminders = afterStep1.Where(n => n.Notice.Key.EndsWith(":reminder", StringComparison.Ordinal)).Select(n => n.Notice.OfficerId).Order();
        Assert.Equal([1L, 3, 4, 5], reminders); // officer 2 answered by SMS
        var town = Assert.Single(await _h.TextsToAsync(warning.Id, PhoneOf(3)), t => t.Contains("【叫应未回复】", StringComparison.Ordinal));
        Assert.Contains("以下2人5分钟内未确认收到", town, StringComparison.Ordinal);
        Assert.Contains("甲村干部（一村）", town, StringComparison.Ordinal);
        Assert.Contains("甲村广播员（一村）", town, StringComparison.Ordinal);
        Assert.DoesNotContain("乙村干部", town, StringComparison.Ordinal);
        var county = Assert.Single(await _h.TextsToAsync(warning.Id, PhoneOf(4)), t => t.Contains("【叫应未回复】", StringComparison.Ordinal));
        Assert.Contains("镇值班员（示例镇）", county, StringComparison.Ordinal); // the town's silence goes to the county at once

        await _h.Replies.HandleAsync(new InboundText(PhoneOf(5), "", "ＯＫ", _h.Engine.Time.GetUtcNow()), default);
        _h.Engine.Time.Advance(TimeSpan.FromMinutes(5));
        var last = await _h.Escalation.RunAsync(warning.Id, default);

        Assert.Null(last); // every silent call took both steps
        var second = (await _h.TextsToAsync(warning.Id, PhoneOf(4))).Where(t => t.Contains("【叫应未回复】", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, second.Count);
        Assert.Contains("以下1人10分钟内未确认收到", second[1], StringComparison.Ordinal);
        Assert.Contains("甲村干部（一村）", second[1], StringComparison.Ordinal);
        Assert.DoesNotContain("甲村广播员", second[1], StringComparison.Ordinal); // answered before the second step
        var calls = (await _h.Store.OfWarningAsync(warning.Id, default)).ToDictionary(c => c.OfficerId);
        Assert.Equal((2, (AcknowledgementMethod?)null), (calls[1].Escalations, calls[1].AnsweredBy));
        Assert.Equal((0, AcknowledgementMethod.Sms), (calls[2].Escalations, calls[2].AnsweredBy));
        Assert.Equal((1, AcknowledgementMethod.Sms), (calls[5].Escalations, calls[5].AnsweredBy));
        Assert.Equal(1, (await _h.Notices.OfWarningAsync(warning.Id, null, default)).Count(n => n.Notice.Key == AcknowledgementCalls.Key(warning.Id, 1, "reminder")));
    }

    [Fact]
    public async Task AfterARestart_TheDeadlineIsRebuiltFromTheLedger_AndEscalatesOnce()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        await _h.Calls.StartAsync(warning, default);
        var deadline = await _h.TriggerAtAsync(warning.Id);
        await _h.Scheduler.UnscheduleAsync(warning.Id, default); // the RAM store is gone with the process

        var recovery = new AcknowledgementRecovery(_h.Store, _h.Scheduler, Microsoft.Extensions.Logging.Abstractions.NullLogger<AcknowledgementRecovery>.Instance);
        Assert.Null(await _h.TriggerAtAsync(warning.Id));
        await recovery.StartAsync(default);

        Assert.Equal(deadline, await _h.TriggerAtAsync(warning.Id));
        _h.Engine.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.Escalation.RunAsync(warning.Id, default);
        await _h.Escalation.RunAsync(warning.Id, default);
        Assert.Equal(5, (await _h.Store.OfWarningAsync(warning.Id, default)).Count(c => c.Escalations == 1));
        Assert.Single(await _h.TextsToAsync(warning.Id, PhoneOf(3)), t => t.Contains("【叫应未回复】", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACancelledWarning_EscalatesNothing_AndItsRemindersAreNotSent()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        await _h.Calls.StartAsync(warning, default);
        await _h.Engine.Lifecycle.CancelAsync(warning.Id, default);

        _h.Engine.Time.Advance(TimeSpan.FromMinutes(5));
        var next = await _h.Escalation.RunAsync(warning.Id, default);
        await _h.Outbox.SendDueAsync(default);

        Assert.Null(next);
        Assert.All(await _h.Store.OfWarningAsync(warning.Id, default), c => Assert.Equal(0, c.Escalations));
        Assert.Equal(0, _h.Sms.Sends);
        Assert.Empty(await _h.Store.PendingDeadlinesAsync(default));
    }

    [Fact]
    public async Task AnswersByLinkAndPlayed_KeepTheFirstAnswer_AndAReplyThatIsNoAnswerChangesNothing()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        await _h.Calls.StartAsync(warning, default);

        var noAnswer = await _h.Replies.HandleAsync(new InboundText(PhoneOf(1), "", "在哪里集合？", _h.Engine.Time.GetUtcNow()), default);
        var link = await _h.Store.AnswerAsync(warning.Id, [1], AcknowledgementMethod.Link, _h.Engine.Time.GetUtcNow(), default);
        var sms = await _h.Replies.HandleAsync(new InboundText(PhoneOf(1), "", "1", _h.Engine.Time.GetUtcNow()), default);
        var played = await _h.Store.AnswerAsync(warning.Id, [5], AcknowledgementMethod.Played, _h.Engine.Time.GetUtcNow(), default);

        Assert.Empty(noAnswer);
        Assert.Equal(AcknowledgementMethod.Link, Assert.Single(link).AnsweredBy);
        Assert.Empty(sms);
        Assert.Equal(AcknowledgementMethod.Played, Assert.Single(played).AnsweredBy);
        Assert.Equal([AcknowledgementMethod.Link, AcknowledgementMethod.Played],
            (await _h.Store.OfWarningAsync(warning.Id, default)).Where(c => !c.IsSilent).Select(c => c.AnsweredBy!.Value));
    }

    [Theory]
    [InlineData(CapStatus.Actual, WarningLevel.Red, false, 300)]
    [InlineData(CapStatus.Actual, WarningLevel.Orange, false, 600)]
    [InlineData(CapStatus.Actual, WarningLevel.Yellow, false, null)]
    [InlineData(CapStatus.Exercise, WarningLevel.Red, false, 300)]
    [InlineData(CapStatus.Test, WarningLevel.Red, false, null)]
    [InlineData(CapStatus.Test, WarningLevel.Red, true, 300)]
    public async Task Deadline_FollowsLevelAndStatus_ExerciseAlwaysTestOnlyWhenAsked(CapStatus status, WarningLevel level, bool callOnTests, int? seconds)
    {
        await using var h = new AcknowledgementHarness(new AcknowledgementOptions { CallOnTests = callOnTests });

        var deadline = h.Calls.Deadline(Warning(status, level, "暴雨"));

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, deadline);
    }

    [Fact]
    public async Task PerEventSettings_ReplaceLevelsAndDeadlines_ForThatEventOnly()
    {
        var options = new AcknowledgementOptions();
        options.Events["山洪"] = new AcknowledgementEventOptions { Levels = ["Yellow", "Orange", "Red"], Deadlines = new() { ["Red"] = TimeSpan.FromMinutes(3) } };
        await using var h = new AcknowledgementHarness(options);

        Assert.Equal(TimeSpan.FromMinutes(3), h.Calls.Deadline(Warning(CapStatus.Actual, WarningLevel.Red, "山洪")));
        Assert.Equal(TimeSpan.FromMinutes(20), h.Calls.Deadline(Warning(CapStatus.Actual, WarningLevel.Yellow, "山洪")));
        Assert.Null(h.Calls.Deadline(Warning(CapStatus.Actual, WarningLevel.Yellow, "暴雨")));
    }

    [Fact]
    public async Task ExerciseCall_IsMarkedAsADrill()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);
        var drill = warning with { CapStatus = CapStatus.Exercise };
        var call = new Acknowledgement(warning.Id, 1, "甲村干部", PhoneOf(1), Core.Registry.ResponsibilityTier.Village, [VillageA], _h.Engine.Time.GetUtcNow(), TimeSpan.FromMinutes(5));

        Assert.StartsWith("【井研县应急管理局】【演练】【叫应】", _h.Texts.Call(drill, call), StringComparison.Ordinal);
        Assert.StartsWith("【井研县应急管理局】【演练】【叫应未回复】", _h.Texts.Silent(drill, [(call, "一村")], TimeSpan.FromMinutes(5)), StringComparison.Ordinal);
    }

    private static WarningRecord Warning(CapStatus status, WarningLevel level, string eventName) => new()
    {
        PublicId = "W1",
        Sender = "s",
        Identifier = "i",
        Fingerprint = "f",
        CapStatus = status,
        MsgType = CapMsgType.Alert,
        Event = eventName,
        Level = level,
        Headline = "h",
        SubmittedBy = "t",
        CapXml = "",
    };
}
