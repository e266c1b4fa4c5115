using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;

namespace WarningHub.Channels.WeChat.Tests.WeCom;

/// <summary>The WeCom robots against the simulator, both on one fake clock.</summary>
public sealed class WeComRobotsTests : IAsyncLifetime
{
    private const string Town = "511124100000";
    private const string OtherTown = "511124101000";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
    private readonly WeChatSimulatorOptions _simulatorOptions = new();
    private WeChatSimulator _simulator = null!;

    public async Task InitializeAsync() => _simulator = await Accounts.StartSimulatorAsync(_simulatorOptions, _time);

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task SendAsync_TwentyFiveAtOnceToOneRobot_SendsTwentyAndNeverDrawsA45009()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Task.Run(() => robots.SendAsync(Message(i), CancellationToken.None).AsTask())));

        Assert.Equal(20, results.Count(r => r.Outcome == SendOutcome.Accepted));
        var refused = results.Where(r => r.Outcome != SendOutcome.Accepted).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, r => Assert.Equal((SendOutcome.TemporaryFailure, "rate-limit", TimeSpan.FromMinutes(1)), (r.Outcome, r.ErrorCode, r.RetryAfter)));
        Assert.Equal(20, _simulator.RobotMessages.Count);
        Assert.Equal(0, _simulator.RobotThrottled);
    }

    [Fact]
    public async Task SendAsync_AfterTheMinuteSlides_SendsAgainAndStillNeverDrawsA45009()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);
        for (var minute = 0; minute < 3; minute++)
        {
            for (var i = 0; i < 10; i++)
            {
                await robots.SendAsync(Message(i), CancellationToken.None);
                _time.Advance(TimeSpan.FromSeconds(1));
            }

            var burst = await Task.WhenAll(Enumerable.Range(0, 15).Select(i => robots.SendAsync(Message(i), CancellationToken.None).AsTask()));
            Assert.Equal(10, burst.Count(r => r.Outcome == SendOutcome.Accepted));
            _time.Advance(TimeSpan.FromSeconds(50));
        }

        Assert.Equal(60, _simulator.RobotMessages.Count);
        Assert.Equal(0, _simulator.RobotThrottled);
    }

    [Fact]
    public async Task SendAsync_WhenTheWindowFreesWithinMaxWait_WaitsInsteadOfFailing()
    {
        using var robots = Robots(maxWait: TimeSpan.FromSeconds(10));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(SendOutcome.Accepted, (await robots.SendAsync(Message(i), CancellationToken.None)).Outcome);
        }

        _time.Advance(TimeSpan.FromSeconds(55));
        var waiting = robots.SendAsync(Message(20), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(SendOutcome.Accepted, (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Outcome);
        Assert.Equal(0, _simulator.RobotThrottled);
    }

    [Fact]
    public async Task SendAsync_EachRobotHasItsOwnMinute()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            await robots.SendAsync(Message(i), CancellationToken.None);
        }

        var other = await robots.SendAsync(Message(0, OtherTown), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, other.Outcome);
        Assert.Equal("key-other", _simulator.RobotMessages[^1].Key);
    }

    [Fact]
    public async Task SendAsync_WhenWeComThrottlesAnyway_FailsTemporarilyAndRestsTheRobotAMinute()
    {
        _simulatorOptions.WeComPerKeyPerMinute = 3;
        using var robots = Robots(maxWait: TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            await robots.SendAsync(Message(i), CancellationToken.None);
        }

        var throttled = await robots.SendAsync(Message(3), CancellationToken.None);
        var resting = await robots.SendAsync(Message(4), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "45009", TimeSpan.FromMinutes(1)), (throttled.Outcome, throttled.ErrorCode, throttled.RetryAfter));
        Assert.Equal((SendOutcome.TemporaryFailure, "rate-limit"), (resting.Outcome, resting.ErrorCode));
        Assert.Equal(1, _simulator.RobotThrottled);
    }

    [Fact]
    public async Task SendAsync_WithMobilesToMention_SendsThemInTheList()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);
        var message = Message(0) with { Fields = new Dictionary<string, string> { [MessageFields.MentionedMobiles] = "13800001111,13900002222" } };

        await robots.SendAsync(message, CancellationToken.None);

        var sent = Assert.Single(_simulator.RobotMessages);
        Assert.Equal(("key-town", "text"), (sent.Key, sent.MsgType));
        Assert.Equal(["13800001111", "13900002222"], sent.MentionedMobiles);
    }

    [Fact]
    public async Task SendAsync_ARobotWithConfiguredMentions_MentionsThemItself_WhileAnotherRobotMentionsNobody()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero, mentions: new() { [Town] = ["13900000001", "13900000002"] });

        await robots.SendAsync(Message(0), CancellationToken.None);
        await robots.SendAsync(Message(1, OtherTown), CancellationToken.None);

        var (town, other) = (_simulator.RobotMessages[0], _simulator.RobotMessages[1]);
        Assert.Equal("key-town", town.Key);
        Assert.Equal(["13900000001", "13900000002"], town.MentionedMobiles);
        Assert.Equal(("key-other", 0), (other.Key, other.MentionedMobiles.Count));
    }

    [Fact]
    public async Task SendAsync_ARobotConfiguredToMentionEveryone_StillHonoursTheMessagesOwnMentions()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero, mentions: new() { [Town] = ["@all"] });
        var message = Message(0) with { Fields = new Dictionary<string, string> { [MessageFields.MentionedMobiles] = "13800001111" } };

        await robots.SendAsync(message, CancellationToken.None);

        Assert.Equal(["@all", "13800001111"], Assert.Single(_simulator.RobotMessages).MentionedMobiles);
    }

    [Fact]
    public async Task SendAsync_WhenWeComTakesTheMessage_PublishesThatAnswerAsADeliveredReceiptUnderTheResultsId()
    {
        // Regression: the webhook gives no receipt, so without its own the slot waited out the receipt window and
        // ended Unconfirmed although WeCom had answered errcode 0.
        _simulatorOptions.WeComPerKeyPerMinute = 1;
        using var robots = Robots(maxWait: TimeSpan.Zero);

        var posted = await robots.SendAsync(Message(0), CancellationToken.None);
        var otherRobot = await robots.SendAsync(Message(1, OtherTown), CancellationToken.None);
        var refused = await robots.SendAsync(Message(2), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, posted.Outcome);
        var id = Assert.Single(posted.ProviderMessageIds);
        Assert.StartsWith(Town + "-", id, StringComparison.Ordinal);
        Assert.True(robots.Receipts.TryRead(out var receipt));
        Assert.Equal((id, DeliveryStatus.Delivered, WeComRobots.PostedCode, _time.GetUtcNow()), (receipt.ProviderMessageId, receipt.Status, receipt.Code, receipt.At));
        Assert.Equal(SendOutcome.Accepted, otherRobot.Outcome);
        Assert.True(robots.Receipts.TryRead(out var other));
        Assert.NotEqual(id, other.ProviderMessageId);
        Assert.Equal(SendOutcome.TemporaryFailure, refused.Outcome);
        Assert.False(robots.Receipts.TryRead(out _), "a message WeCom did not take has no receipt");
    }

    [Fact]
    public async Task SendAsync_ToAnUnknownRobot_FailsPermanentlyWithoutARequest()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);

        var result = await robots.SendAsync(Message(0, "511124999000"), CancellationToken.None);

        Assert.Equal((SendOutcome.PermanentFailure, "unknown-robot"), (result.Outcome, result.ErrorCode));
        Assert.Empty(_simulator.RobotMessages);
    }

    [Fact]
    public async Task SendAsync_WithAKeyWeComDoesNotKnow_FailsPermanentlyWith93000()
    {
        _simulatorOptions.WeComKeys.Add("key-other");
        using var robots = Robots(maxWait: TimeSpan.Zero);

        var result = await robots.SendAsync(Message(0), CancellationToken.None);

        Assert.Equal((SendOutcome.PermanentFailure, "93000"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public async Task SendAsync_TextOverWeComsLimit_FailsPermanentlyWithoutARequest()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);

        var result = await robots.SendAsync(new TextMessage(1, Town, new string('雨', 700)), CancellationToken.None);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Empty(_simulator.RobotMessages);
    }

    [Fact]
    public async Task SendAsync_WhenWeComCannotBeReached_FailsTemporarilyBecauseNothingLeft()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);
        await _simulator.DisposeAsync();

        var result = await robots.SendAsync(Message(0), CancellationToken.None);

        Assert.Equal((SendOutcome.TemporaryFailure, "http"), (result.Outcome, result.ErrorCode));
    }

    [Fact]
    public void Addresses_AreTheConfiguredTownCodes()
    {
        using var robots = Robots(maxWait: TimeSpan.Zero);

        Assert.Equal([Town, OtherTown], robots.Addresses);
        Assert.Equal(("wecom", "wecom", true), (robots.Definition.Name, robots.Definition.Channel, robots.Definition.SupportsReceipts));
    }

    private WeComRobots Robots(TimeSpan maxWait, Dictionary<string, List<string>>? mentions = null) => new(
        new WeComRobotOptions
        {
            ApiBase = _simulator.BaseUrl,
            Robots = new Dictionary<string, string> { [Town] = "key-town", [OtherTown] = "key-other" },
            Mentions = mentions ?? [],
            MaxWait = maxWait,
        },
        _time);

    private static TextMessage Message(long reference, string town = Town) => new(reference, town, "暴雨红色预警：请立即组织转移。");
}
