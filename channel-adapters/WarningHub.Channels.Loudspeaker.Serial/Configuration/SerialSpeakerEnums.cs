namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>What hangs on a configured serial port.</summary>
public enum SerialPortKind
{
    /// <summary>A TTS module (SYN6288 / XFS5152 style frames); addressed as <c>serial:&lt;port-name&gt;</c>.</summary>
    TtsModule,

    /// <summary>A Modbus RTU bus with relay slaves (amplifier power, zone selection); never addressed directly.</summary>
    ModbusRelays,
}

/// <summary>The module family whose frame rules a TTS port follows. The table is in this project's README.md.</summary>
public enum TtsProfile
{
    /// <summary>
    /// SYN6288 (宇音天下): data area at most 203 bytes (text at most 200), XOR checksum over the whole frame,
    /// background music in the upper five bits of the parameter byte.
    /// </summary>
    Syn6288,

    /// <summary>XFS5152 (科大讯飞): data area at most 4096 bytes (text at most 4094), no checksum.</summary>
    Xfs5152,
}

/// <summary>How the script's text is encoded in synthesis frames (the encoding byte of the frame).</summary>
public enum TtsTextEncoding
{
    /// <summary>GB2312 (encoding byte 0x00): simplified Chinese, 6,763 characters.</summary>
    Gb2312,

    /// <summary>GBK (0x01): GB2312 plus traditional and rare characters (for example 镕).</summary>
    Gbk,

    /// <summary>BIG5 (0x02): traditional Chinese.</summary>
    Big5,

    /// <summary>"Unicode" (0x03), sent as UTF-16 little-endian without a byte-order mark.</summary>
    Utf16,
}
