using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Testing.Contracts;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Contract;

/// <summary>
/// The channel-adapter contract, run by the serial loudspeaker adapter against a simulated TTS module on a socat pty
/// pair. One module serves the village, so the three recipients are three bulletins to the same terminal.
/// </summary>
public sealed class SerialSpeakerContractTests : ReceiptingAdapterContract<SerialSpeakerContractTests.Fixture>
{
    protected override Task<Fixture> StartAsync() => Task.FromResult(new Fixture(SpeakerRig.Start()));

    public sealed class Fixture : ReceiptingAdapterFixture
    {
        private readonly SpeakerRig _rig;

        internal Fixture(SpeakerRig rig) => _rig = rig;

        public override IChannelAdapter Adapter => _rig.Channel;

        public override int PeerRequests => _rig.Module!.Spoken.Count;

        public override ValueTask<DeliveryResult> SendAsync(int recipient, long reference, CancellationToken cancellationToken) =>
            _rig.Channel.BroadcastAsync(SpeakerRig.Message("请注意，暴雨红色预警。", "serial:village", reference), cancellationToken);

        public override Task PeerFailsAsync()
        {
            _rig.Module!.Silent = true; // reads frames, answers nothing, like a module without power
            return Task.CompletedTask;
        }

        /// <summary>The module's cable is pulled: the port is gone, which the adapter can see before writing.</summary>
        public override Task PeerDownAsync()
        {
            _rig.TtsLine.Unplug();
            return Task.CompletedTask;
        }

        public override ValueTask DisposeAsync() => _rig.DisposeAsync();
    }
}
