using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Sgip.Tests.Support;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Sms.Sgip.Tests.Contract;

/// <summary>The channel-adapter contract, run by the SGIP gateway against the simulated SMG (reports on the SMG's own connection).</summary>
public sealed class SgipContractTests : ReceiptingAdapterContract<SgipContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync() =>
        new(await SmgHarness.StartAsync(gateway: g => g.ResponseTimeout = TimeSpan.FromSeconds(1)));

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private static readonly string[] Phones = ["13000130000", "13100131001", "18600186002"];
        private readonly SmgHarness _harness;
        private bool _down;

        internal Fixture(SmgHarness harness)
        {
            _harness = harness;
        }

        public override IChannelAdapter Adapter => _harness.Gateway;

        public override int PeerRequests => (int)_harness.Smg.Submits;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _harness.Gateway.SendAsync(new TextMessage(reference, Phones[recipient], "contract test"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            // Submits are taken and never answered.
            _harness.Smg.Options.SwallowSubmits = true;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await _harness.Smg.DisposeAsync();
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
