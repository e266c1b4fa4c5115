namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// What differs between the module families (README.md has the table with sources): the largest text per frame, whether
/// a checksum closes the frame, and whether the parameter byte carries background music.
/// </summary>
/// <param name="MaxTextBytes">Text bytes per synthesis frame: SYN6288 allows a data area of 203 bytes (command,
/// parameter, 200 text bytes, checksum); XFS5152 a data area of 4 KiB (command, encoding, 4094 text bytes).</param>
/// <param name="Checksum">SYN6288 ends every frame with the XOR of all bytes before it; XFS5152 has no checksum.</param>
/// <param name="BackgroundMusic">SYN6288 reads bits 7-3 of the parameter byte as a background-music number (0 = none).</param>
internal sealed record TtsProfileRules(int MaxTextBytes, bool Checksum, bool BackgroundMusic)
{
    public static readonly TtsProfileRules Syn6288 = new(200, Checksum: true, BackgroundMusic: true);

    public static readonly TtsProfileRules Xfs5152 = new(4094, Checksum: false, BackgroundMusic: false);

    public static TtsProfileRules For(TtsProfile profile) => profile switch
    {
        TtsProfile.Syn6288 => Syn6288,
        TtsProfile.Xfs5152 => Xfs5152,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown TTS profile."),
    };
}
