namespace WarningHub.Simulators.Serial;

/// <summary>How the simulated TTS module behaves; the defaults are a SYN6288.</summary>
public sealed class TtsModuleSimulatorOptions
{
    /// <summary>Expect the XOR checksum at the end of every frame (SYN6288); XFS5152 has none. <value>true.</value></summary>
    public bool Checksum { get; set; } = true;

    /// <summary>Largest data area (bytes after the length field) accepted. <value>203 (SYN6288); 4096 for XFS5152.</value></summary>
    public int MaxDataLength { get; set; } = 203;

    /// <summary>Speaking time per character of text. <value>250 milliseconds (about four characters a second).</value></summary>
    public TimeSpan TimePerCharacter { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Send 0x4F on its own when speech ends, as modules do. <value>true.</value></summary>
    public bool AnnounceIdle { get; set; } = true;

    /// <summary>Answer a status query with 0x41 before the state (SYN6288); false sends the state alone. <value>true.</value></summary>
    public bool AcknowledgeStatusQuery { get; set; } = true;

    /// <summary>Answer an accepted synthesis frame with 0x41; false loses that byte (the module speaks regardless), as a
    /// noisy line can. <value>true.</value></summary>
    public bool AcknowledgeSynthesis { get; set; } = true;

    /// <summary>A frame that stalls this long before it is complete is answered 0x45. <value>200 milliseconds.</value></summary>
    public TimeSpan InterByteTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Line speed of the simulator's end (a pty accepts any). <value>9600.</value></summary>
    public int BaudRate { get; set; } = 9600;
}
