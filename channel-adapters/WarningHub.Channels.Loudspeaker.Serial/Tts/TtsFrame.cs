namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// Builds SYN6288 / XFS5152 style frames: 0xFD, a two-byte big-endian length of everything that follows it, the
/// command, for synthesis a parameter byte and the text, and (where the family uses one) the XOR of every byte
/// before it, header included.
/// </summary>
internal static class TtsFrame
{
    public const byte Header = 0xFD;

    /// <summary>A synthesis frame (command 0x01) for already encoded text.</summary>
    /// <param name="parameter">Encoding code in bits 2-0; on SYN6288 background music in bits 7-3.</param>
    /// <param name="text">The encoded text.</param>
    /// <param name="checksum">Append the XOR checksum.</param>
    public static byte[] Synthesis(byte parameter, ReadOnlySpan<byte> text, bool checksum) =>
        Build((byte)TtsCommand.Synthesize, parameter, text, checksum);

    /// <summary>A frame without parameter or text (stop, pause, resume, status query, power-down, wake-up).</summary>
    public static byte[] Control(TtsCommand command, bool checksum) =>
        Build((byte)command, parameter: null, [], checksum);

    /// <summary>The parameter byte of a synthesis frame.</summary>
    public static byte SynthesisParameter(byte encodingCode, int backgroundMusic) =>
        (byte)(((backgroundMusic & 0x1F) << 3) | (encodingCode & 0x07));

    /// <summary>The XOR of every byte.</summary>
    public static byte Xor(ReadOnlySpan<byte> bytes)
    {
        byte value = 0;
        foreach (var b in bytes)
        {
            value ^= b;
        }

        return value;
    }

    private static byte[] Build(byte command, byte? parameter, ReadOnlySpan<byte> text, bool checksum)
    {
        var length = 1 + (parameter.HasValue ? 1 : 0) + text.Length + (checksum ? 1 : 0);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, "The frame's data area exceeds 65535 bytes.");
        }

        var frame = new byte[3 + length];
        frame[0] = Header;
        frame[1] = (byte)(length >> 8);
        frame[2] = (byte)length;
        frame[3] = command;
        var at = 4;
        if (parameter is { } p)
        {
            frame[at++] = p;
        }

        text.CopyTo(frame.AsSpan(at));
        at += text.Length;
        if (checksum)
        {
            frame[at] = Xor(frame.AsSpan(0, at));
        }

        return frame;
    }
}
