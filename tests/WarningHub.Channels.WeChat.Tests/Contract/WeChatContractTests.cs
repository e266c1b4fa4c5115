using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;
using WarningHub.Simulators.WeChat;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.WeChat.Tests.Contract;

/// <summary>
/// The channel-adapter contract, run by a WeChat official account registered as the hub registers it, against the
/// simulated WeChat API, whose TEMPLATESENDJOBFINISH events come back through the callback endpoint as receipts.
/// </summary>
public sealed class WeChatContractTests : ReceiptingAdapterContract<WeChatContractTests.Fixture>
{
    private static readonly string[] Followers = [Accounts.OpenId, Accounts.OtherOpenId, "oia2TjtJk1n9QbV2c1qZcVx0q3aY"];

    protected override async Task<Fixture> StartAsync()
    {
        Uri? apiBase = null;
        var hub = new ServiceCollection()
            .AddWeChatOfficialAccount("county", o =>
            {
                var sample = Accounts.Options(apiBase!);
                (o.AppId, o.AppSecret, o.ApiBase, o.CallbackToken, o.DefaultTemplateId, o.FieldMap) =
                    (sample.AppId, sample.AppSecret, sample.ApiBase, sample.CallbackToken, sample.DefaultTemplateId, sample.FieldMap);
            })
            .BuildServiceProvider();
        var callbacks = await CallbackHost.StartAsync(hub);
        var simulator = await Accounts.StartSimulatorAsync(new WeChatSimulatorOptions { CallbackUrl = callbacks.CallbackUrl("county") });
        apiBase = simulator.BaseUrl;
        return new Fixture(hub, callbacks, simulator);
    }

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private readonly ServiceProvider _hub;
        private readonly CallbackHost _callbacks;
        private readonly WeChatSimulator _simulator;

        internal Fixture(ServiceProvider hub, CallbackHost callbacks, WeChatSimulator simulator)
        {
            _hub = hub;
            _callbacks = callbacks;
            _simulator = simulator;
            _account = hub.GetRequiredKeyedService<WeChatOfficialAccount>("county");
        }

        private readonly WeChatOfficialAccount _account;
        private bool _down;

        public override IChannelAdapter Adapter => _account;

        public override int PeerRequests => (int)_simulator.TemplateRequests;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _account.SendAsync(Accounts.Warning(openId: Followers[recipient], reference: reference), cancellationToken);

        public override Task PeerFailsAsync()
        {
            _simulator.Options.BusyRate = 1; // errcode -1, "system error", for every template message
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await _simulator.DisposeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_down) await _simulator.DisposeAsync();
            await _callbacks.DisposeAsync();
            await _hub.DisposeAsync();
        }
    }
}
