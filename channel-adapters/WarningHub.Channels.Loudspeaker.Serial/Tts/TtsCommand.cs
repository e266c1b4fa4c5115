namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// Command bytes of SYN6288 / XFS5152 frames (the byte after the length). Both families use the same values for
/// the commands used here; power-down is 0x88 in both, wake-up (0xFF) exists on XFS5152 only.
/// </summary>
internal enum TtsCommand : byte
{
    /// <summary>Speak the text that follows the encoding byte.</summary>
    Synthesize = 0x01,

    /// <summary>Stop speaking at once.</summary>
    Stop = 0x02,

    /// <summary>Pause speaking.</summary>
    Pause = 0x03,

    /// <summary>Resume after a pause.</summary>
    Resume = 0x04,

    /// <summary>Ask whether the module is busy (0x4E) or idle (0x4F).</summary>
    StatusQuery = 0x21,

    /// <summary>Enter power-down (sleep); not used by bulletins.</summary>
    PowerDown = 0x88,

    /// <summary>Wake from power-down (XFS5152).</summary>
    WakeUp = 0xFF,
}

/// <summary>Single-byte answers a module sends back.</summary>
internal static class TtsAnswer
{
    /// <summary>Start-up finished (sent once after power-on or wake-up).</summary>
    public const byte Initialised = 0x4A;

    /// <summary>The frame was received and understood.</summary>
    public const byte Received = 0x41;

    /// <summary>The frame was not understood (bad length, checksum or command).</summary>
    public const byte BadFrame = 0x45;

    /// <summary>Busy: speaking.</summary>
    public const byte Busy = 0x4E;

    /// <summary>Idle: ready for the next text.</summary>
    public const byte Idle = 0x4F;

    public static string Describe(int answer) => answer switch
    {
        -1 => "no answer",
        Initialised => "0x4A initialised",
        Received => "0x41 received",
        BadFrame => "0x45 bad frame",
        Busy => "0x4E busy",
        Idle => "0x4F idle",
        _ => $"unexpected byte 0x{answer:X2}",
    };
}
