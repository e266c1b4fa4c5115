using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Tests.Support;
using WarningHub.Simulators.CloudSms;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Sms.Http.Tests.Contract;

/// <summary>The channel-adapter contract, run by the HTTP SMS gateway's Cloud profile against the simulated platform (receipts pulled).</summary>
public sealed class CloudContractTests : ReceiptingAdapterContract<CloudContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync() => new(await CloudHarness.StartAsync());

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private static readonly string[] Phones = ["13000130000", "13100131001", "18600186002"];
        private readonly CloudHarness _harness;

        internal Fixture(CloudHarness harness)
        {
            _harness = harness;
        }

        public override IChannelAdapter Adapter => _harness.Gateway;

        public override int PeerRequests => (int)_harness.Platform.SendRequests;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _harness.Gateway.SendAsync(new TextMessage(reference, Phones[recipient], "contract test"), cancellationToken);

        public override Task PeerFailsAsync()
        {
            _harness.Platform.Options.Fault = CloudSmsFault.ServerError;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync() => await _harness.Platform.DisposeAsync();

        public override ValueTask DisposeAsync() => _harness.DisposeAsync();
    }
}
