using NAudio.Codecs;

namespace WarningHub.Audio.Tests.Mixing;

/// <summary>
/// Known values from ITU-T G.711 (11/88): Table 1a/1b (A-law) and Table 2a/2b (μ-law). The tables work on 13-bit
/// (A-law: sign + 12-bit magnitude) and 14-bit (μ-law) uniform codes; 16-bit PCM holds them shifted left by 3 and 2
/// bits, so an input of the table is multiplied by 8 (A-law) or 4 (μ-law) here, and so is a decoder output.
/// A-law characters are given after the even-bit inversion (XOR 0x55), μ-law characters after inverting all bits
/// but the sign — the bytes that travel in RTP payload types 8 and 0.
/// </summary>
public sealed class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]            // 0: the positive zero interval, "1111 1111"
    [InlineData(-1, 0x7F)]           // the negative zero interval
    [InlineData(4 * 100, 0xDF)]      // 100 lies in segment 3 (95..223), first step: 1 010 0000 inverted
    [InlineData(4 * 1000, 0xAF)]     // 1000 lies in segment 6 (991..2015), first step
    [InlineData(4 * 8159, 0x80)]     // 8159: the top decision value
    [InlineData(32767, 0x80)]        // beyond it: clipped to the largest code
    [InlineData(-32767, 0x00)]
    public void MuLaw_OfTableInputs_GivesTheTableCharacter(int linear, int expected) =>
        Assert.Equal((byte)expected, G711.MuLaw([(short)linear])[0]);

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0xDF, 4 * 99)]       // middle of 95..103
    [InlineData(0xAF, 4 * 1023)]     // middle of 991..1055
    [InlineData(0x80, 4 * 8031)]     // middle of the top interval 7903..8159
    [InlineData(0x00, -4 * 8031)]
    public void MuLaw_DecodedCharacter_IsTheTableDecoderOutput(int character, int expected) =>
        Assert.Equal(expected, MuLawDecoder.MuLawToLinearSample((byte)character));

    /// <summary>
    /// The table decodes the negative-zero character to -0; NAudio gives -1, one 16-bit step (a quarter of the
    /// 14-bit code's step) below. Pinned so a change of decoder is noticed; it is inaudible.
    /// </summary>
    [Fact]
    public void MuLaw_NegativeZero_DecodesToMinusOneInNAudio_OneStepFromTheTable() =>
        Assert.Equal(-1, MuLawDecoder.MuLawToLinearSample(0x7F));

    [Theory]
    [InlineData(0, 0xD5)]            // 0..1: 1000 0000 before even-bit inversion
    [InlineData(-1, 0x55)]           // -0..-1
    [InlineData(8 * 30, 0xDA)]       // 30, 31: last step of the first segment
    [InlineData(8 * 32, 0xC5)]
    [InlineData(-8 * 32, 0x45)]
    [InlineData(8 * 64, 0xF5)]
    [InlineData(-8 * 64, 0x75)]
    [InlineData(8 * 128, 0xE5)]
    [InlineData(8 * 256, 0x95)]
    [InlineData(8 * 512, 0x85)]
    [InlineData(8 * 1024, 0xB5)]
    [InlineData(8 * 2048, 0xA5)]
    [InlineData(32767, 0xAA)]        // 3968..4095: 1111 1111 before inversion
    [InlineData(-32767, 0x2A)]
    public void ALaw_OfTableInputs_GivesTheTableCharacter(int linear, int expected) =>
        Assert.Equal((byte)expected, G711.ALaw([(short)linear])[0]);

    [Theory]
    [InlineData(0xD5, 8 * 1)]
    [InlineData(0x55, -8 * 1)]
    [InlineData(0xF5, 8 * 66)]
    [InlineData(0x85, 8 * 528)]
    [InlineData(0xA5, 8 * 2112)]
    [InlineData(0xAA, 8 * 4032)]
    [InlineData(0x2A, -8 * 4032)]
    public void ALaw_DecodedCharacter_IsTheTableDecoderOutput(int character, int expected) =>
        Assert.Equal(expected, ALawDecoder.ALawToLinearSample((byte)character));

    /// <summary>
    /// G.711 decodes to the middle of each quantisation interval, so the error is at most half an interval. A μ-law
    /// interval is 1/16 of its segment, whose start is at least (|x| + 132) / 2 in 16-bit units: half an interval is
    /// at most (|x| + 132) / 32. Above the top decision value (clipping) the error stays under that too.
    /// </summary>
    [Fact]
    public void MuLaw_RoundTrip_OfEvery16BitValue_StaysWithinHalfAQuantisationInterval()
    {
        for (int x = -short.MaxValue; x <= short.MaxValue; x++)
        {
            var decoded = MuLawDecoder.MuLawToLinearSample(G711.MuLaw([(short)x])[0]);
            Assert.True(Math.Abs(x - decoded) <= (Math.Abs(x) + 132) / 32.0, $"{x} came back as {decoded}");
        }
    }

    /// <summary>A-law: intervals of 16 (16-bit units) below 256, and 1/16 of the segment above: at most max(8, |x|/32).</summary>
    [Fact]
    public void ALaw_RoundTrip_OfEvery16BitValue_StaysWithinHalfAQuantisationInterval()
    {
        for (int x = -short.MaxValue; x <= short.MaxValue; x++)
        {
            var decoded = ALawDecoder.ALawToLinearSample(G711.ALaw([(short)x])[0]);
            Assert.True(Math.Abs(x - decoded) <= Math.Max(8, Math.Abs(x) / 32.0), $"{x} came back as {decoded}");
        }
    }

    [Fact]
    public void Pcm16_OfFullScaleFloats_NeverReachesMinus32768_WhichTheEncodersCannotNegate()
    {
        var pcm = Loudness.ToPcm16([-1.5f, -1f, 1f, 1.5f]);
        Assert.Equal(new short[] { -32767, -32767, 32767, 32767 }, pcm);
        Assert.Equal(0x00, G711.MuLaw(pcm)[0]);
        Assert.Equal(0x2A, G711.ALaw(pcm)[0]);
    }
}
