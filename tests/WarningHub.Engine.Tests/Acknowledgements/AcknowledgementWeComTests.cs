using WarningHub.Abstractions;
using static WarningHub.Engine.Tests.Acknowledgements.AcknowledgementHarness;

namespace WarningHub.Engine.Tests.Acknowledgements;

/// <summary>
/// 叫应 where the town has a WeCom group robot: the call posted to the group @-mentions the officer called, and the
/// list of silent names posted at the deadline @-mentions the next tier's officer who must act on it.
/// </summary>
public sealed class AcknowledgementWeComTests : IAsyncLifetime
{
    private readonly RecordingWeComRobots _robots = new(Town);
    private readonly AcknowledgementHarness _h;

    public AcknowledgementWeComTests() => _h = new AcknowledgementHarness(weCom: _robots);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Call_ToTheTownsRobot_MentionsTheOfficerCalled_AndTheSilentListToTheNextTier_MentionsThatOfficer()
    {
        var (warning, _) = await _h.Engine.ReleasedWarningAsync(slots: 1);

        await _h.Calls.StartAsync(warning, default);
        await _h.Outbox.SendDueAsync(default);

        var calls = _robots.Sent.Where(m => m.Text.Contains("【叫应】", StringComparison.Ordinal)).ToList();
        // Officers 1, 2, 5 (villages of the town) and 3 (the town) are in the robot's town; the county's officer 4 is not.
        Assert.Equal([PhoneOf(1), PhoneOf(2), PhoneOf(3), PhoneOf(5)], calls.Select(Mention).Order(StringComparer.Ordinal));
        Assert.All(calls, m => Assert.Equal(Town, m.Address));
        var cadreCall = Assert.Single(calls, m => Mention(m) == PhoneOf(1));
        Assert.Contains("甲村干部", cadreCall.Text, StringComparison.Ordinal);
        var stored = Assert.Single(await _h.Notices.OfWarningAsync(warning.Id, $"ack:{warning.Id}:1:call:wecom", default));
        Assert.Equal(("wecom", PhoneOf(1)), (stored.Notice.Channel, stored.Notice.Mention));

        _h.Engine.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.Escalation.RunAsync(warning.Id, default);
        await _h.Outbox.SendDueAsync(default);

        var list = Assert.Single(_robots.Sent, m => m.Text.Contains("【叫应未回复】", StringComparison.Ordinal));
        Assert.Equal((Town, PhoneOf(3)), (list.Address, Mention(list))); // to the town officer, who must chase the silent
        Assert.Contains("甲村干部（一村）", list.Text, StringComparison.Ordinal);
    }

    private static string Mention(TextMessage message) => message.Fields[MessageFields.MentionedMobiles];
}
