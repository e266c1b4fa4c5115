using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Contract;

/// <summary>The channel-adapter contract, run by the CMPP gateway against the simulated ISMG.</summary>
public sealed class CmppContractTests : ReceiptingAdapterContract<CmppContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync() =>
        new(await IsmgHarness.StartAsync(gateway: g => (g.ResponseTimeout, g.MaxResends) = (TimeSpan.FromSeconds(1), 1)));

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private readonly IsmgHarness _harness;

        internal Fixture(IsmgHarness harness)
        {
            _harness = harness;
        }

        private static readonly string[] Phones = ["13800138000", "13900139001", "15800158002"];
        private bool _down;

        public override IChannelAdapter Adapter => _harness.Gateway;

        public override int PeerRequests => (int)_harness.Ismg.Submits;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _harness.Gateway.SendAsync(new TextMessage(reference, Phones[recipient], "contract test"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            // SUBMITs are taken and never answered, also when sent again.
            _harness.Ismg.Options.SwallowSubmits = true;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await _harness.Ismg.DisposeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_down)
            {
                await _harness.DisposeAsync();
                return;
            }
            using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _harness.Gateway.StopAsync(stop.Token);
            await _harness.Gateway.DisposeAsync();
        }
    }
}
