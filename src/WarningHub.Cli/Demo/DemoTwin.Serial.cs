using System.Globalization;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Serial;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Serial loudspeakers, only where socat is installed: one simulated TTS module and one Modbus relay board, each on a
/// socat pty pair in the demo's folder. Every fourth village's terminal is a zone relay of that module, so each village
/// has its own address (and slot) while one serial line carries them all, one bulletin after another.
/// </summary>
internal sealed partial class DemoTwin
{
    public const string SerialChannel = "county";
    private const string TtsPort = "tts";
    private const string RelayPort = "relays";

    // A real module speaks about four characters a second; the simulated one is 25 times faster so thirty villages
    // on one line fit in the demo. The adapter's frames, relays and answers are the real ones.
    private static readonly TimeSpan SpeakingTimePerCharacter = TimeSpan.FromMilliseconds(10);

    private SocatPair? _ttsLine;
    private SocatPair? _relayLine;
    private TtsModuleSimulator? _tts;
    private ModbusRelaySimulator? _relays;

    /// <summary>Why serial loudspeakers are not in this run, or null when they are.</summary>
    public string? SerialSkipped { get; private set; }

    /// <summary>Bulletins the simulated TTS module spoke (synthesis frames accepted).</summary>
    public int SerialUtterances => _tts?.Spoken.Count ?? 0;

    /// <summary>The generator gives every fourth village a serial terminal: one relay zone each.</summary>
    private static int SerialZones(CountyRegistry registry) => (registry.Villages.Count + 3) / 4;

    private async Task StartSerialAsync(int zones, CancellationToken cancellationToken)
    {
        if (SocatPair.FindSocat() is not { } socat)
        {
            SerialSkipped = "socat is not installed";
            return;
        }
        try
        {
            _ttsLine = await SocatPair.StartAsync(socat, _folder, TtsPort, cancellationToken);
            _relayLine = await SocatPair.StartAsync(socat, _folder, RelayPort, cancellationToken);
            _tts = new TtsModuleSimulator(_ttsLine.DeviceEnd, new TtsModuleSimulatorOptions { TimePerCharacter = SpeakingTimePerCharacter });
            _tts.Start();
            _relays = new ModbusRelaySimulator(_relayLine.DeviceEnd, new ModbusRelaySimulatorOptions { CoilCount = zones });
            _relays.Start();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            // socat is there but gives no usable pty pair (a container without /dev/pts, say): the rest of the demo still runs.
            await DisposeSerialAsync();
            (_tts, _relays, _ttsLine, _relayLine) = (null, null, null, null);
            SerialSkipped = $"socat could not provide a serial line ({e.Message})";
        }
    }

    private static string SerialAddressOf(Region village, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"serial:{TtsPort}#1/{index / 4}");

    private Dictionary<string, string?> SerialSettings()
    {
        if (_ttsLine is null || _relayLine is null) return [];
        const string s = $"WarningHub:Loudspeakers:Serial:{SerialChannel}";
        return new()
        {
            // The simulated module falls idle within milliseconds: ask often, so thirty bulletins on one line stay short.
            [$"{s}:IdlePollInterval"] = "00:00:00.050",
            [$"{s}:Ports:{TtsPort}:Path"] = _ttsLine.HubEnd,
            [$"{s}:Ports:{TtsPort}:Profile"] = "Syn6288",
            [$"{s}:Ports:{TtsPort}:Encoding"] = "Gbk",
            [$"{s}:Ports:{TtsPort}:RelayPort"] = RelayPort,
            [$"{s}:Ports:{TtsPort}:RelaySlave"] = "1",
            [$"{s}:Ports:{RelayPort}:Path"] = _relayLine.HubEnd,
            [$"{s}:Ports:{RelayPort}:Kind"] = "ModbusRelays",
        };
    }

    private async Task DisposeSerialAsync()
    {
        if (_tts is not null) await _tts.DisposeAsync();
        if (_relays is not null) await _relays.DisposeAsync();
        _ttsLine?.Dispose();
        _relayLine?.Dispose();
    }
}
