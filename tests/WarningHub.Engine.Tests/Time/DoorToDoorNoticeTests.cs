using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Notices;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Tests.Time;

/// <summary>
/// Door-to-door links (入户通知) on the whole engine with fake time: queued at release, sent to every cadre of a targeted
/// village when due (red: 10 minutes), once, across a restart, and never after a Cancel.
/// </summary>
public sealed class DoorToDoorNoticeTests
{
    private const string DoorMark = "【入户通知】";
    private static readonly TimeSpan RedDelay = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task RedWarning_SendsNoLinkAtRelease_AndEveryCadresLinkTenMinutesLater_Once()
    {
        await using var engine = await FakeTimeEngine.StartAsync(officers: true);
        var warning = await ReleasedAsync(engine);
        var releasedAt = engine.Time.GetUtcNow();
        var expected = Expected(engine, warning);

        var atRelease = await DoorNoticesAsync(engine, warning);
        await Outbox(engine).SendDueAsync(default);
        engine.Time.Advance(RedDelay - TimeSpan.FromSeconds(1));
        await Outbox(engine).SendDueAsync(default);
        var sentEarly = DoorTexts(engine.Gateway);

        Assert.True(expected.Count > 10, $"the sample county should have many door-to-door cadres, found {expected.Count}");
        Assert.Equal(expected.Keys.Order(), atRelease.Select(n => n.Notice.Key).Order());
        Assert.All(atRelease, n => Assert.Equal((DeliveryStatus.Queued, releasedAt + RedDelay), (n.State, n.Notice.NotBefore)));
        Assert.Empty(sentEarly);

        engine.Time.Advance(TimeSpan.FromSeconds(1));

        // The outbox's own poll, on the engine's clock, sends them: nobody calls it here.
        Assert.True(await Eventually.TrueAsync(() => DoorTexts(engine.Gateway).Count >= expected.Count, TimeSpan.FromSeconds(20)),
            $"{DoorTexts(engine.Gateway).Count} of {expected.Count} door-to-door SMS sent");
        engine.Time.Advance(TimeSpan.FromMinutes(5));
        await Outbox(engine).SendDueAsync(default);
        var sent = DoorTexts(engine.Gateway);
        Assert.Equal(expected.Values.Select(e => e.Phone).Order(), sent.Select(s => s.Address).Order()); // each cadre once
        Assert.All(sent, s => Assert.True(s.At >= releasedAt + RedDelay, $"sent at {s.At:O}, before it was due"));
        var links = engine.Host.Services.GetRequiredService<DoorLinks>();
        foreach (var (key, (phone, village, cadre)) in expected)
        {
            var text = Assert.Single(sent, s => s.Address == phone).Text;
            Assert.Contains(links.PathOf(warning.PublicId, village, cadre), text, StringComparison.Ordinal);
            Assert.StartsWith("【井研县应急管理局】" + DoorMark, text, StringComparison.Ordinal);
        }
        Assert.All(await DoorNoticesAsync(engine, warning), n => Assert.Equal(DeliveryStatus.Sent, n.State));
    }

    [Fact]
    public async Task Restart_BetweenReleaseAndDue_StillSendsEveryLinkOnce_AfterTheRestart()
    {
        var first = await FakeTimeEngine.StartAsync(officers: true);
        var warning = await ReleasedAsync(first);
        var expected = Expected(first, warning);
        first.Time.Advance(TimeSpan.FromMinutes(4));
        await Outbox(first).SendDueAsync(default);
        Assert.Empty(DoorTexts(first.Gateway));

        await using var second = await first.RestartAsync();
        await first.DisposeAsync();
        second.Time.Advance(RedDelay - TimeSpan.FromMinutes(4));

        Assert.True(await Eventually.TrueAsync(() => DoorTexts(second.Gateway).Count >= expected.Count, TimeSpan.FromSeconds(20)),
            $"{DoorTexts(second.Gateway).Count} of {expected.Count} door-to-door SMS sent after the restart");
        second.Time.Advance(TimeSpan.FromMinutes(5));
        await Outbox(second).SendDueAsync(default);
        Assert.Equal(expected.Values.Select(e => e.Phone).Order(), DoorTexts(second.Gateway).Select(s => s.Address).Order());
        Assert.Empty(DoorTexts(first.Gateway));
        Assert.All(await DoorNoticesAsync(second, warning), n => Assert.Equal((DeliveryStatus.Sent, false), (n.State, n.PossiblyDuplicated)));
    }

    [Fact]
    public async Task Cancel_BeforeTheLinksAreDue_SendsNone_AndEndsThemCancelled()
    {
        await using var engine = await FakeTimeEngine.StartAsync(officers: true);
        var alert = engine.Alert();
        var warning = await engine.SubmitAsync(alert);
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        var queued = await DoorNoticesAsync(engine, warning);
        engine.Time.Advance(TimeSpan.FromMinutes(3));

        var cancel = await engine.SubmitAsync(alert with
        {
            Identifier = alert.Identifier + "-cancel",
            MsgType = CapMsgType.Cancel,
            Sent = alert.Sent.AddSeconds(1),
            References = [new CapReference(alert.Sender, alert.Identifier, alert.Sent)],
            Infos = [],
        });
        await engine.WaitForStateAsync(warning.Id, WarningState.Cancelled);
        await engine.WaitForStateAsync(cancel.Id, WarningState.Released);
        engine.Time.Advance(RedDelay);

        Assert.NotEmpty(queued);
        Assert.True(await Eventually.TrueAsync(async () => (await DoorNoticesAsync(engine, warning)).All(n => n.State == DeliveryStatus.Cancelled),
            TimeSpan.FromSeconds(20)), "the cancelled warning's door-to-door notices did not all end Cancelled");
        Assert.Empty(DoorTexts(engine.Gateway));
        Assert.Empty(await DoorNoticesAsync(engine, cancel)); // an all-clear sends nobody to the door
    }

    [Fact]
    public async Task Exercise_SendsLinksOnlyToTheCadresOfVillagesWithTestRecipients_MarkedAsADrill()
    {
        await using var engine = await FakeTimeEngine.StartAsync(officers: true);
        var drill = await engine.SubmitAsync(engine.Alert() with { Status = CapStatus.Exercise });
        await engine.WaitForStateAsync(drill.Id, WarningState.Released);
        var warning = await engine.WarningAsync(drill.Id);
        var registry = engine.Host.Services.GetRequiredService<RegistryHolder>().Current;
        var testVillages = registry.Persons.Where(p => p.IsTestRecipient).Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal);
        var expected = Expected(engine, warning);

        engine.Time.Advance(RedDelay);

        Assert.True(await Eventually.TrueAsync(() => DoorTexts(engine.Gateway).Count >= expected.Count, TimeSpan.FromSeconds(20)),
            $"{DoorTexts(engine.Gateway).Count} of {expected.Count} drill links sent");
        Assert.InRange(expected.Count, 1, Expected(engine, warning with { CapStatus = CapStatus.Actual }).Count - 1);
        Assert.All(expected.Values, e => Assert.Contains(e.Village, testVillages));
        Assert.All(DoorTexts(engine.Gateway), s => Assert.Contains("【演练】【非真实预警】", s.Text, StringComparison.Ordinal));
        Assert.Equal(expected.Values.Select(e => e.Phone).Order(), DoorTexts(engine.Gateway).Select(s => s.Address).Order());
    }

    [Theory]
    [InlineData(CapStatus.Actual, WarningLevel.Red, 600)]
    [InlineData(CapStatus.Actual, WarningLevel.Orange, 1200)]
    [InlineData(CapStatus.Actual, WarningLevel.Yellow, null)]
    [InlineData(CapStatus.Exercise, WarningLevel.Red, 600)]
    [InlineData(CapStatus.Test, WarningLevel.Red, null)]
    public void Delay_FollowsLevelAndStatus_ExerciseAlwaysTestNot(CapStatus status, WarningLevel level, int? seconds)
    {
        var options = new DoorToDoorOptions();
        var warning = new WarningRecord
        {
            PublicId = "W1", Sender = "s", Identifier = "i", Fingerprint = "f", CapStatus = status, MsgType = CapMsgType.Alert,
            Event = "暴雨", Level = level, Headline = "h", SubmittedBy = "t", CapXml = "",
        };

        var delay = DoorToDoorNotices.DelayOf(warning, options);

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, delay);
    }

    [Fact]
    public void PerEventSettings_ReplaceLevelsAndDelays_ForThatEventOnly_AndBadSettingsAreAllListed()
    {
        var options = new DoorToDoorOptions();
        options.Events["山洪"] = new DoorToDoorEventOptions { Levels = ["Yellow", "Red"], Delays = new() { ["Red"] = TimeSpan.FromMinutes(3) } };
        var bad = new DoorToDoorOptions { Levels = ["Purple"], Delays = new() { ["Red"] = TimeSpan.FromDays(2) } };

        var failures = new DoorToDoorOptionsValidator().Validate(null, bad).Failures?.ToList() ?? [];

        Assert.Equal(TimeSpan.FromMinutes(3), options.DelayFor(WarningLevel.Red, "山洪"));
        Assert.Equal(TimeSpan.FromMinutes(30), options.DelayFor(WarningLevel.Yellow, "山洪"));
        Assert.Null(options.DelayFor(WarningLevel.Orange, "山洪"));
        Assert.Equal(TimeSpan.FromMinutes(20), options.DelayFor(WarningLevel.Orange, "暴雨"));
        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("'Purple' is not a level", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Delays[Red] must be 0 s..1 day", StringComparison.Ordinal));
    }

    private static async Task<WarningRecord> ReleasedAsync(FakeTimeEngine engine)
    {
        var warning = await engine.SubmitAsync(engine.Alert());
        await engine.WaitForStateAsync(warning.Id, WarningState.Released);
        return await engine.WarningAsync(warning.Id);
    }

    /// <summary>Who should get a link, by notice key: every door-to-door cadre of each village with a targeted person.</summary>
    private static Dictionary<string, (string Phone, string Village, long Cadre)> Expected(FakeTimeEngine engine, WarningRecord warning)
    {
        var registry = engine.Host.Services.GetRequiredService<RegistryHolder>();
        var cadres = engine.Host.Services.GetRequiredService<DoorToDoorCadres>();
        var selected = Core.Planning.WarningPlanner.SelectPersons(WarningContent.TargetOf(warning), registry.Current);
        var villages = registry.Current.Persons.Where((_, i) => selected[i]).Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal);
        return villages.SelectMany(v => cadres.Of(v).Select(c => (Key: $"door:{warning.Id}:{v}:{c.Id}", Value: (c.Phone, v, c.Id))))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private static async Task<IReadOnlyList<StoredNotice>> DoorNoticesAsync(FakeTimeEngine engine, WarningRecord warning) =>
        await engine.Host.Services.GetRequiredService<INoticeStore>().OfWarningAsync(warning.Id, $"door:{warning.Id}:", default);

    private static List<ClockedSend> DoorTexts(ClockedGateway gateway) =>
        gateway.Sent.Where(s => s.Text.Contains(DoorMark, StringComparison.Ordinal)).ToList();

    private static NoticeOutbox Outbox(FakeTimeEngine engine) => engine.Host.Services.GetRequiredService<NoticeOutbox>();
}
