using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;
using WarningHub.Simulators.Speakers;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Contract;

/// <summary>
/// The channel-adapter contract, run by the IP loudspeaker adapter against three simulated HTTP-profile terminals
/// (upload, then play status as the receipt). RTP streams have no answer to refuse; their stop and cut-off behaviour
/// is in Channel/RtpUnicastTests.
/// </summary>
public sealed class IpSpeakerContractTests : ReceiptingAdapterContract<IpSpeakerContractTests.Fixture>
{
    protected override async Task<Fixture> StartAsync()
    {
        var network = await SpeakerNetwork.StartAsync(o => o.HttpStatusPollInterval = TimeSpan.FromMilliseconds(50));
        var speakers = new List<SimulatedSpeaker>();
        for (var i = 0; i < 3; i++)
        {
            speakers.Add(await network.AddSpeakerAsync(o => (o.Http, o.HttpPlayTime) = (true, TimeSpan.FromMilliseconds(100)), heartbeats: false));
        }
        return new Fixture(network, speakers);
    }

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private readonly SpeakerNetwork _network;
        private readonly IReadOnlyList<SimulatedSpeaker> _speakers;

        internal Fixture(SpeakerNetwork network, IReadOnlyList<SimulatedSpeaker> speakers)
        {
            _network = network;
            _speakers = speakers;
        }

        private bool _down;

        public override IChannelAdapter Adapter => _network.Channel;

        public override int PeerRequests => _speakers.Sum(s => s.HttpPlays.Count);

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _network.Channel.BroadcastAsync(Clips.To(_speakers[recipient].HttpAddress!, Clips.MuLaw(5, id: $"clip-{reference}"), reference), cancellationToken);

        public override Task PeerFailsAsync()
        {
            foreach (var speaker in _speakers) speaker.Options.RefusePlayWith = 503;
            return Task.CompletedTask;
        }

        public override async Task PeerDownAsync()
        {
            _down = true;
            foreach (var speaker in _speakers) await speaker.DisposeAsync();
        }

        public override async ValueTask DisposeAsync()
        {
            if (_down) await _network.Channel.DisposeAsync();
            else await _network.DisposeAsync();
        }
    }
}
