namespace WarningHub.Simulators.Speakers;

/// <summary>
/// The simulator's own G.711 decoder (not the adapter's), so a terminal checks what the adapter sent against an
/// independent reading of ITU-T G.711: μ-law by its biased-exponent formula, A-law by its segment formula.
/// </summary>
public static class G711Decoder
{
    private static readonly short[] MuLaw = Build(MuLawSample);
    private static readonly short[] ALaw = Build(ALawSample);

    /// <summary>The linear sample of a code; payload type 8 is A-law, anything else μ-law.</summary>
    public static short Decode(byte code, int payloadType) => payloadType == 8 ? ALaw[code] : MuLaw[code];

    private static short MuLawSample(int code)
    {
        // G.711 μ-law: the code is sent inverted; value = ((2·mantissa + 33) · 2^exponent − 33) · 4.
        var inverted = ~code & 0xFF;
        var exponent = (inverted >> 4) & 7;
        var mantissa = inverted & 0x0F;
        var magnitude = ((((2 * mantissa) + 33) << exponent) - 33) * 4;
        return (short)((inverted & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short ALawSample(int code)
    {
        // G.711 A-law: even bits inverted (XOR 0x55); segment 0 is linear, others add the implicit leading one.
        var value = code ^ 0x55;
        var segment = (value >> 4) & 7;
        var step = value & 0x0F;
        var magnitude = segment == 0 ? (step * 16) + 8 : ((step * 16) + 264) << (segment - 1);
        return (short)((value & 0x80) != 0 ? magnitude : -magnitude);
    }

    private static short[] Build(Func<int, short> sample)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = sample(i);
        }

        return table;
    }
}
