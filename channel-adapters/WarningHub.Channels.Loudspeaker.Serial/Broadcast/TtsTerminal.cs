using WarningHub.Channels.Loudspeaker.Serial.Addressing;
using WarningHub.Channels.Loudspeaker.Serial.Monitoring;
using WarningHub.Channels.Loudspeaker.Serial.Tts;
using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial.Broadcast;

/// <summary>Everything fixed about one TTS port once the options are read: its slot, frame rules, relay bus and health.</summary>
internal sealed class TtsTerminal
{
    public TtsTerminal(SerialPortSlot slot, SerialPortSlot? relayBus, int offlineAfterMissed)
    {
        var settings = slot.Settings;
        var rules = TtsProfileRules.For(settings.Profile);
        Slot = slot;
        RelayBus = relayBus;
        Codec = TtsTextCodec.For(settings.Encoding);
        Checksum = settings.Checksum ?? rules.Checksum;
        MaxTextBytes = settings.MaxTextBytes ?? rules.MaxTextBytes;
        Parameter = TtsFrame.SynthesisParameter(Codec.Code, rules.BackgroundMusic ? settings.BackgroundMusic : 0);
        Health = new TerminalHealth(SerialAddress.Scheme + slot.Name, offlineAfterMissed);
    }

    public SerialPortSlot Slot { get; }

    public SerialPortSlot? RelayBus { get; }

    public TtsTextCodec Codec { get; }

    public bool Checksum { get; }

    public int MaxTextBytes { get; }

    /// <summary>The synthesis frame's parameter byte: encoding, and on SYN6288 background music.</summary>
    public byte Parameter { get; }

    public TerminalHealth Health { get; }

    /// <summary>The synthesis frames for a script the codec can encode, in speaking order.</summary>
    public IReadOnlyList<byte[]> Frames(string script) =>
        [.. TtsScriptSplitter.Split(script, Codec, MaxTextBytes).Select(piece => TtsFrame.Synthesis(Parameter, Codec.Encode(piece), Checksum))];
}
