using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Sending.Routing;

namespace WarningHub.Engine.Tests.Routing;

public sealed class GatewayRoutesTests
{
    private const string Mobile = "13800138000", Unicom = "13012345678", Telecom = "18912345678", Broadnet = "19212345678";

    [Theory]
    [InlineData(Mobile, "移动")]
    [InlineData("+86 138-0013-8000", "移动")]
    [InlineData(Unicom, "联通")]
    [InlineData(Telecom, "电信")]
    [InlineData(Broadnet, "广电")]
    [InlineData("17012345678", null)]
    [InlineData("0833-1234567", null)]
    public void NumberRanges_NameTheOperatorOfANumber(string number, string? expected) =>
        Assert.Equal(expected, new NumberRanges().OperatorOf(number));

    [Fact]
    public void NumberRanges_LongestPrefixWins_AndAnOverrideReplacesAnOperatorsList()
    {
        var ranges = new NumberRanges(new Dictionary<string, List<string>> { ["电信"] = ["1349", "189"], ["联通"] = ["1709"] });

        Assert.Equal("电信", ranges.OperatorOf("13491234567"));
        Assert.Equal("移动", ranges.OperatorOf("13481234567"));
        Assert.Equal("联通", ranges.OperatorOf("17091234567"));
        Assert.Null(ranges.OperatorOf("18012345678")); // 180 was 电信's by default; the override left it out
    }

    [Fact]
    public void Validator_NamesEveryMistake()
    {
        var options = new RoutingOptions
        {
            Operators = { ["移动"] = ["13x"], ["卫星"] = ["174"], ["联通"] = ["138"] },
            Gateways = { ["a"] = new GatewayRoute { Operators = ["Mobile"], Priority = -1, Weight = 0 } },
            Circuit = { FailureRatio = 0, MinimumThroughput = 1 },
        };

        var failures = new RoutingOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Routing:Operators:移动:0:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Operators:卫星:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Gateways:a:Operators:0:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Gateways:a:Priority:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Gateways:a:Weight:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Circuit:FailureRatio:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Routing:Circuit:MinimumThroughput:", StringComparison.Ordinal));
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);
    }

    [Fact]
    public void ByOperator_ThenPriority_ADownGatewaysNumbersGoToTheNext_AndANumberNoGatewayNamesGoesAnywhere()
    {
        var mobile = new NamedGateway("smpp:mobile");
        var unicom = new NamedGateway("cmpp:unicom");
        var backup = new NamedGateway("smpp:backup");
        var router = Router(new RoutingOptions
        {
            Gateways =
            {
                ["mobile"] = new GatewayRoute { Operators = ["移动"] },
                ["unicom"] = new GatewayRoute { Operators = ["联通", "电信"] },
                ["backup"] = new GatewayRoute { Priority = 1 },
            },
        }, mobile, unicom, backup);

        Assert.Same(mobile, router.AdapterFor("sms", Mobile, 1));
        Assert.Same(unicom, router.AdapterFor("sms", Unicom, 2));
        Assert.Same(unicom, router.AdapterFor("broadcaster", Telecom, 3));
        Assert.Same(backup, router.AdapterFor("sms", Broadnet, 4)); // only the backup takes every number

        mobile.Down();
        Assert.Same(backup, router.AdapterFor("sms", Mobile, 1));
        Assert.Same(unicom, router.AdapterFor("sms", Unicom, 2));
        backup.Down();
        Assert.Null(router.AdapterFor("sms", Mobile, 1));
        mobile.Up();
        Assert.Same(mobile, router.AdapterFor("sms", Mobile, 1));
    }

    [Fact]
    public void Weights_ShareOnePrioritysNumbers_StablyPerSlot()
    {
        var a = new NamedGateway("smpp:a");
        var b = new NamedGateway("smpp:b");
        var router = Router(new RoutingOptions { Gateways = { ["a"] = new GatewayRoute { Weight = 3 }, ["b"] = new GatewayRoute { Weight = 1 } } }, a, b);

        var picks = Enumerable.Range(1, 4000).Select(slot => router.AdapterFor("sms", Mobile, slot)).ToList();

        var toA = picks.Count(p => ReferenceEquals(p, a));
        Assert.InRange(toA, 2800, 3200); // 3 of 4
        Assert.Equal(4000 - toA, picks.Count(p => ReferenceEquals(p, b)));
        Assert.Same(router.AdapterFor("sms", Mobile, 17), router.AdapterFor("sms", Mobile, 17));
    }

    [Fact]
    public async Task AGatewayThatKeepsFailing_IsTakenOutOfTheRotation_AndComesBackAfterTheBreak()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-07-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var options = Options.Create(new RoutingOptions { Circuit = { MinimumThroughput = 10, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) } });
        var circuits = new GatewayCircuits(options, time, NullLogger<GatewayCircuits>.Instance);
        var failing = new NamedGateway("smpp:failing");
        var healthy = new NamedGateway("smpp:healthy");
        var router = new ChannelRouter([failing, healthy], [], new GatewayRoutes(options, circuits));

        for (var i = 0; i < 20; i++)
            await circuits.SendAsync("smpp:failing", _ => ValueTask.FromResult(DeliveryResult.Temporary("8", "system error")), default);
        var refused = await circuits.SendAsync("smpp:failing", _ => ValueTask.FromResult(DeliveryResult.Accepted(["x"])), default);

        Assert.False(circuits.IsClosed("smpp:failing"));
        Assert.Equal(SendOutcome.GatewayUnavailable, refused.Outcome); // refused before anything left: no attempt spent
        Assert.All(Enumerable.Range(1, 50), slot => Assert.Same(healthy, router.AdapterFor("sms", Mobile, slot)));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(circuits.IsClosed("smpp:failing")); // half-open: one trial decides
        var trial = await circuits.SendAsync("smpp:failing", _ => ValueTask.FromResult(DeliveryResult.Accepted(["y"])), default);
        Assert.Equal(SendOutcome.Accepted, trial.Outcome);
        Assert.Contains(Enumerable.Range(1, 50), slot => ReferenceEquals(failing, router.AdapterFor("sms", Mobile, slot)));
    }

    [Fact]
    public void WeChat_AFollowerGoesThroughTheAccountTheirAddressNames_AndWaitsWhileItIsDown_NeverThroughTheOther()
    {
        var city = new NamedGateway("wechat-oa:city", "wechat");
        var county = new NamedGateway("wechat-oa:county", "wechat");
        var router = Router(new RoutingOptions { Gateways = { ["county"] = new GatewayRoute { Default = true } } }, city, county);
        const string Follower = "oia2TjuEGTNoeX76QEjQNrcURxG8";

        Assert.Equal(2, router.RoutedAdaptersFor("wechat").Count);
        Assert.All(Enumerable.Range(1, 20), slot => Assert.Same(city, router.AdapterFor("wechat", "city:" + Follower, slot)));
        Assert.All(Enumerable.Range(1, 20), slot => Assert.Same(county, router.AdapterFor("wechat", "county:" + Follower, slot)));
        Assert.Same(county, router.AdapterFor("wechat", Follower, 1)); // no account named: the default one
        Assert.Null(router.AdapterFor("wechat", "town:" + Follower, 1)); // an account the hub does not have: nobody sends

        city.Down();
        // The city's followers wait for it (null: unavailable, no attempt spent); they do not follow the county's account.
        Assert.All(Enumerable.Range(1, 20), slot => Assert.Null(router.AdapterFor("wechat", "city:" + Follower, slot)));
        Assert.Same(county, router.AdapterFor("wechat", "county:" + Follower, 1));
        city.Up();
        Assert.Same(city, router.AdapterFor("wechat", "city:" + Follower, 1));
    }

    private static ChannelRouter Router(RoutingOptions options, params ITextSender[] senders) =>
        new(senders, [], new GatewayRoutes(Options.Create(options)));

    private sealed class NamedGateway(string name, string channel = "sms") : ITextSender, IGatewayHealth
    {
        public ChannelDefinition Definition { get; } = new(name, channel, 1000, SupportsReceipts: true, MaxInFlight: 8);

        public GatewayHealth Health { get; private set; } = GatewayHealth.Up(DateTimeOffset.UnixEpoch);

        public void Down() => Health = GatewayHealth.Down("no bind", DateTimeOffset.UnixEpoch);

        public void Up() => Health = GatewayHealth.Up(DateTimeOffset.UnixEpoch);

        public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken) =>
            ValueTask.FromResult(DeliveryResult.Accepted([message.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }
}
