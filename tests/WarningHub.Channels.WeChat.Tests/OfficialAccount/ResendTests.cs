using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.OfficialAccount;

/// <summary>
/// Guarantee 3 for followers: when the answer to a template send is lost, the engine resends the slot; its
/// client_msg_id makes WeChat drop the second copy, so the follower gets the warning once.
/// </summary>
public sealed class ResendTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task SendAsync_ResentAfterALostAnswer_ReachesTheFollowerOnce()
    {
        await using var simulator = await Accounts.StartSimulatorAsync(time: _time);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), time: _time);
        simulator.LoseAnswers(1);

        var lost = await account.SendAsync(Accounts.Warning(reference: 42), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var resent = await account.SendAsync(Accounts.Warning(reference: 42), CancellationToken.None);

        Assert.Equal(SendOutcome.Unknown, lost.Outcome);
        var delivered = Assert.Single(simulator.TemplateMessages);
        Assert.Equal(SendOutcome.Accepted, resent.Outcome);
        Assert.Equal([delivered.MsgId.ToString(CultureInfo.InvariantCulture)], resent.ProviderMessageIds);
        Assert.Equal(1, simulator.RepeatsDropped);
        Assert.StartsWith("wh42-", delivered.ClientMsgId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TwoSlotsOfOneFollower_BothReachHim()
    {
        await using var simulator = await Accounts.StartSimulatorAsync(time: _time);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), time: _time);

        await account.SendAsync(Accounts.Warning(reference: 42), CancellationToken.None);
        await account.SendAsync(Accounts.Warning(reference: 43), CancellationToken.None);

        Assert.Equal(2, simulator.TemplateMessages.Count);
        Assert.Equal(0, simulator.RepeatsDropped);
    }

    [Fact]
    public async Task SendAsync_ResentTenMinutesAfterALostAnswer_IsSentAgain_WeChatsWindowIsTheLimit()
    {
        await using var simulator = await Accounts.StartSimulatorAsync(time: _time);
        using var account = new WeChatOfficialAccount("county", Accounts.Options(simulator.BaseUrl), time: _time);
        simulator.LoseAnswers(1);
        await account.SendAsync(Accounts.Warning(reference: 42), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(10));
        var late = await account.SendAsync(Accounts.Warning(reference: 42), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, late.Outcome);
        Assert.Equal(2, simulator.TemplateMessages.Count);
        Assert.Equal(0, simulator.RepeatsDropped);
    }
}
