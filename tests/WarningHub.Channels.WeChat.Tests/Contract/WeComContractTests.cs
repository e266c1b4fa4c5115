using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.WeChat.Tests.Contract;

/// <summary>The channel-adapter contract, run by the WeCom group robots (one per town) against the simulated webhook.</summary>
public sealed class WeComContractTests : ReceiptingAdapterContract<WeComContractTests.Fixture>
{
    private static readonly string[] Towns = ["511124100000", "511124101000", "511124102000"];

    protected override async Task<Fixture> StartAsync()
    {
        var simulator = await Accounts.StartSimulatorAsync();
        var robots = new WeComRobots(new WeComRobotOptions
        {
            ApiBase = simulator.BaseUrl,
            Robots = Towns.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => "key-" + p.i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal),
            Mentions = [],
            MaxWait = TimeSpan.Zero,
        });
        return new Fixture(simulator, robots);
    }

    public sealed class Fixture(WeChatSimulator simulator, WeComRobots robots) : ReceiptingAdapterFixture
    {
        private bool _down;

        public override IChannelAdapter Adapter => robots;

        public override int PeerRequests => simulator.RobotMessages.Count;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            robots.SendAsync(new TextMessage(reference, Towns[recipient], "暴雨红色预警：请立即组织转移。"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            // Only another key is valid now: every robot's webhook answers 93000 "invalid webhook url".
            simulator.Options.WeComKeys.Add("a-key-no-robot-has");
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await simulator.DisposeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            robots.Dispose();
            if (!_down) await simulator.DisposeAsync();
        }
    }
}
