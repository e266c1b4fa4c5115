using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Tests.Support;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Sms.Smgp.Tests.Contract;

/// <summary>The channel-adapter contract, run by the SMGP gateway against the simulated SMGW (reports as Deliver with IsReport 1).</summary>
public sealed class SmgpContractTests : ReceiptingAdapterContract<SmgpContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync() =>
        new(await SmgwHarness.StartAsync(gateway: g => (g.ResponseTimeout, g.MaxResends) = (TimeSpan.FromSeconds(1), 1)));

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private static readonly string[] Phones = ["13300133000", "18900189001", "17300173002"];
        private readonly SmgwHarness _harness;
        private bool _down;

        internal Fixture(SmgwHarness harness)
        {
            _harness = harness;
        }

        public override IChannelAdapter Adapter => _harness.Gateway;

        public override int PeerRequests => (int)_harness.Smgw.Submits;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _harness.Gateway.SendAsync(new TextMessage(reference, Phones[recipient], "contract test"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            // Submits are taken and never answered.
            _harness.Smgw.Options.SwallowSubmits = true;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await _harness.Smgw.DisposeAsync();
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
