using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Channels.TvCrawl.Tests.Push;
using WarningHub.Simulators.Tv;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.TvCrawl.Tests.Contract;

/// <summary>The channel-adapter contract, run by the TV crawl adapter against the simulated station (three push channels).</summary>
public sealed class TvCrawlContractTests : ReceiptingAdapterContract<TvCrawlContractTests.Fixture>
{
    private static readonly string[] Channels = ["jytv", "jytv2", "jycable"];

    protected override async Task<Fixture> StartAsync()
    {
        var station = new TvStationSimulator();
        await station.StartAsync();
        var options = new TvCrawlOptions
        {
            PushTimeout = TimeSpan.FromSeconds(5),
            Channels = [.. Channels.Select(c => new TvChannelOptions { Name = c, MaxLength = 60, PushUrl = station.PushUrl.ToString(), CallbackSecret = StationHarness.Secret })],
        };
        return new Fixture(station, new TvCrawlAdapter(Options.Create(options), TimeProvider.System, NullLogger<TvCrawlAdapter>.Instance));
    }

    public sealed class Fixture(TvStationSimulator station, TvCrawlAdapter adapter) : ReceiptingAdapterFixture
    {
        private bool _down;

        public override IChannelAdapter Adapter => adapter;

        public override int PeerRequests => station.Pushes.Count;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            adapter.SendAsync(StationHarness.Message(Channels[recipient], reference: reference), cancellationToken);

        public override Task PeerFailsAsync()
        {
            station.Behaviour = StationBehaviour.ServerError;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            await station.DisposeAsync();
        }

        /// <summary>The station's operator confirms each caption on air.</summary>
        public override Task PeerConfirmsAsync()
        {
            foreach (var push in station.Pushes)
            {
                Assert.Equal(OnAirConfirmation.Recorded, adapter.Confirm(push.Channel, StationHarness.Secret, push.StationId, onAir: true));
            }
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            adapter.Dispose();
            if (!_down) await station.DisposeAsync();
        }
    }
}
