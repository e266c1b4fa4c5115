namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// Settings of one serial loudspeaker channel: its ports and the timing of the line protocol. Checked at start-up by
/// <see cref="SerialSpeakerOptionsValidator"/>.
/// </summary>
public sealed class SerialSpeakerOptions
{
    /// <summary>Ports by name (letters, digits, '.', '_' and '-'); addresses name them as <c>serial:&lt;name&gt;</c>.</summary>
    /// <value>Empty; at least one TTS port is required.</value>
    public Dictionary<string, SerialPortSettings> Ports { get; } = new(StringComparer.Ordinal);

    /// <summary>Time allowed for the answer to one frame after it was written (TTS answer byte or Modbus response);
    /// the frame's own transmission time at the port's baud rate is added. <value>500 milliseconds.</value></summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Resends of one frame after no answer, a bad-frame answer (0x45) or a bad Modbus CRC. <value>2.</value></summary>
    public int Retries { get; set; } = 2;

    /// <summary>Time between status queries while waiting for a module to fall idle. <value>250 milliseconds.</value></summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a bulletin waits for a module that is busy with something else before it starts. <value>30 seconds.</value></summary>
    public TimeSpan BusyWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one synthesis frame may keep the module busy. <value>90 seconds.</value></summary>
    public TimeSpan MaxSegmentDuration { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a bulletin waits for a shared port used by another terminal's bulletin. <value>5 minutes.</value></summary>
    public TimeSpan PortWaitTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Silence between repetitions of the script. <value>2 seconds.</value></summary>
    public TimeSpan RepeatPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Time between status queries of every TTS module; zero turns the monitor off. <value>60 seconds.</value></summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Missed status queries in a row after which a terminal is Offline (before that, Fault). <value>3.</value></summary>
    public int OfflineAfterMissed { get; set; } = 3;

    /// <summary>Check every switched relay with a read-coils request (function 01). <value>true.</value></summary>
    public bool VerifyRelays { get; set; } = true;
}
