using WarningHub.Abstractions;
using WarningHub.Simulators.Serial;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

/// <summary>
/// A serial terminal on pty pairs: a simulated TTS module on port "village" and, if asked, a simulated relay slave
/// (slave 1, amplifier on coil 0) on port "relays", with the adapter configured for both; torn down together.
/// </summary>
internal sealed class SpeakerRig : IAsyncDisposable
{
    private SpeakerRig(PtyPair ttsLine, PtyPair? relayLine, SerialSpeakerOptions options, SerialEventLog log)
    {
        TtsLine = ttsLine;
        RelayLine = relayLine;
        Options = options;
        Log = log;
        Channel = new SerialSpeakerChannel("test", options);
    }

    public PtyPair TtsLine { get; }

    public PtyPair? RelayLine { get; }

    public SerialSpeakerOptions Options { get; }

    public SerialEventLog Log { get; }

    public SerialSpeakerChannel Channel { get; }

    /// <summary>The simulated module; null when the rig was started without one (nothing answers).</summary>
    public TtsModuleSimulator? Module { get; private set; }

    public ModbusRelaySimulator? Relays { get; private set; }

    public static SpeakerRig Start(
        Action<TtsModuleSimulatorOptions>? module = null,
        Action<SerialSpeakerOptions>? channel = null,
        bool withModule = true,
        bool withRelays = false,
        Action<ModbusRelaySimulatorOptions>? relays = null)
    {
        var ttsLine = PtyPair.Create();
        var relayLine = withRelays ? PtyPair.Create() : null;
        var options = new SerialSpeakerOptions
        {
            // Generous: test assemblies run side by side on two cores, and a late answer must not read as a dead module.
            ResponseTimeout = TimeSpan.FromSeconds(2),
            Retries = 1,
            IdlePollInterval = TimeSpan.FromMilliseconds(20),
            BusyWaitTimeout = TimeSpan.FromSeconds(5),
            MaxSegmentDuration = TimeSpan.FromSeconds(10),
            RepeatPause = TimeSpan.FromMilliseconds(50),
            StatusInterval = TimeSpan.Zero,
        };
        options.Ports["village"] = new SerialPortSettings { Path = ttsLine.AdapterEnd, Profile = TtsProfile.Syn6288, Encoding = TtsTextEncoding.Gbk };
        if (relayLine is not null)
        {
            options.Ports["relays"] = new SerialPortSettings { Path = relayLine.AdapterEnd, Kind = SerialPortKind.ModbusRelays };
            options.Ports["village"].RelayPort = "relays";
            options.Ports["village"].RelaySlave = 1;
            options.Ports["village"].AmplifierCoil = 0;
        }

        channel?.Invoke(options);
        var validation = new SerialSpeakerOptionsValidator().Validate("test", options);
        Assert.True(validation.Succeeded, validation.FailureMessage);

        var rig = new SpeakerRig(ttsLine, relayLine, options, new SerialEventLog());
        if (withModule)
        {
            var moduleOptions = new TtsModuleSimulatorOptions { TimePerCharacter = TimeSpan.FromMilliseconds(5) };
            module?.Invoke(moduleOptions);
            rig.Module = new TtsModuleSimulator(ttsLine.DeviceEnd, moduleOptions, log: rig.Log);
            rig.Module.Start();
        }

        if (relayLine is not null)
        {
            var relayOptions = new ModbusRelaySimulatorOptions();
            relays?.Invoke(relayOptions);
            rig.Relays = new ModbusRelaySimulator(relayLine.DeviceEnd, relayOptions, rig.Log);
            rig.Relays.Start();
        }

        return rig;
    }

    public ValueTask<DeliveryResult> BroadcastAsync(string text, string address = "serial:village", CancellationToken cancellationToken = default) =>
        Channel.BroadcastAsync(Message(text, address), cancellationToken);

    public static AudioMessage Message(string text, string address, long reference = 1) =>
        new(reference, address, new AudioClip("clip", TimeSpan.Zero, new Dictionary<AudioFormat, ReadOnlyMemory<byte>>()), text);

    /// <summary>Replaces the simulated module by a new one on the same line (after <see cref="PtyPair.Replug"/>).</summary>
    public async Task RestartModuleAsync()
    {
        if (Module is not null)
        {
            await Module.DisposeAsync();
        }

        Module = new TtsModuleSimulator(TtsLine.DeviceEnd, new TtsModuleSimulatorOptions { TimePerCharacter = TimeSpan.FromMilliseconds(5) }, log: Log);
        Module.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        if (Module is not null)
        {
            await Module.DisposeAsync();
        }

        if (Relays is not null)
        {
            await Relays.DisposeAsync();
        }

        TtsLine.Dispose();
        RelayLine?.Dispose();
    }
}
