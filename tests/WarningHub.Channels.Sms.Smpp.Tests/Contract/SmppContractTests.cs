using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Tests.Support;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Sms.Smpp.Tests.Contract;

/// <summary>The channel-adapter contract, run by the SMPP gateway against the simulated SMSC.</summary>
public sealed class SmppContractTests : ReceiptingAdapterContract<SmppContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync() =>
        new(await SmscHarness.StartAsync(gateway: g => g.ResponseTimeout = TimeSpan.FromSeconds(1)));

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private readonly SmscHarness _harness;

        internal Fixture(SmscHarness harness)
        {
            _harness = harness;
        }

        private static readonly string[] Phones = ["13800138000", "13900139001", "18600186002"];

        public override IChannelAdapter Adapter => _harness.Gateway;

        public override int PeerRequests => (int)_harness.Smsc.Submits;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _harness.Gateway.SendAsync(new TextMessage(reference, Phones[recipient], "contract test"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            // Submits are taken and never answered: the answer a gateway owes never comes.
            _harness.Smsc.SwallowSubmits = true;
            return Task.CompletedTask;
        }

        private bool _down;

        public override async Task PeerDownAsync()
        {
            _down = true;
            await _harness.Smsc.DisposeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (_down) await _harness.Gateway.DisposeAsync();
            else await _harness.DisposeAsync();
        }
    }
}
