using System.IO.Ports;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// One configured serial port. The registry names ports (<c>serial:&lt;port-name&gt;</c>), never device paths: the path
/// lives here only. Checked by <see cref="SerialSpeakerOptionsValidator"/>.
/// </summary>
public sealed class SerialPortSettings
{
    /// <summary>The device path (for example <c>/dev/ttyS1</c> or <c>/dev/ttyUSB0</c>).</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>A TTS module or a Modbus relay bus. <value>TtsModule.</value></summary>
    public SerialPortKind Kind { get; set; } = SerialPortKind.TtsModule;

    /// <summary>Line speed. <value>9600, the default of SYN6288 and XFS5152 modules.</value></summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>Parity bit. <value>None.</value></summary>
    public Parity Parity { get; set; } = Parity.None;

    /// <summary>Data bits, 5 to 8. <value>8.</value></summary>
    public int DataBits { get; set; } = 8;

    /// <summary>Stop bits (One, OnePointFive or Two). <value>One.</value></summary>
    public StopBits StopBits { get; set; } = StopBits.One;

    /// <summary>
    /// Whether several terminals (relay zones behind one TTS module, or several TTS ports' relays on one Modbus bus)
    /// may use this port. Bulletins on a shared port wait their turn (up to <see cref="SerialSpeakerOptions.PortWaitTimeout"/>);
    /// on a port that is not shared a second bulletin fails as temporary once the port stayed held for twice the response
    /// timeout (a status query of the monitor is waited out). <value>false.</value>
    /// </summary>
    public bool Shared { get; set; }

    /// <summary>TTS ports: the module family. <value>Syn6288.</value></summary>
    public TtsProfile Profile { get; set; } = TtsProfile.Syn6288;

    /// <summary>TTS ports: the text encoding. <value>Gbk, which both families accept and which covers GB2312.</value></summary>
    public TtsTextEncoding Encoding { get; set; } = TtsTextEncoding.Gbk;

    /// <summary>TTS ports: append the XOR checksum. <value>Null: the profile's rule (SYN6288 yes, XFS5152 no).</value></summary>
    public bool? Checksum { get; set; }

    /// <summary>TTS ports: most text bytes per synthesis frame. <value>Null: the profile's limit (200 or 4094).</value></summary>
    public int? MaxTextBytes { get; set; }

    /// <summary>TTS ports, SYN6288 only: background music 1-15 under the speech. <value>0 (none).</value></summary>
    public int BackgroundMusic { get; set; }

    /// <summary>TTS ports: how often the script is spoken per bulletin. <value>1.</value></summary>
    public int Repetitions { get; set; } = 1;

    /// <summary>TTS ports: the name of the <see cref="SerialPortKind.ModbusRelays"/> port with this terminal's relays. <value>None.</value></summary>
    public string? RelayPort { get; set; }

    /// <summary>TTS ports: the Modbus slave used by the short address form <c>serial:&lt;port&gt;#&lt;coil&gt;</c>. <value>None.</value></summary>
    public int? RelaySlave { get; set; }

    /// <summary>
    /// TTS ports: the coil (on <see cref="RelaySlave"/>) that powers the amplifier: switched on before any zone and off
    /// after the bulletin. <value>None: the amplifier is always powered or switched by the zone relay.</value>
    /// </summary>
    public int? AmplifierCoil { get; set; }
}
