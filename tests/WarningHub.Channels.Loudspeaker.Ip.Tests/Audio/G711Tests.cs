using WarningHub.Channels.Loudspeaker.Ip.Audio;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Audio;

public class G711Tests
{
    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    [InlineData(0xFE, 8)]
    [InlineData(0xEF, 132)]
    public void DecodeMuLaw_GivesTheG711Values(byte code, short expected) => Assert.Equal(expected, G711.DecodeMuLaw(code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xC5, 264)]
    public void DecodeALaw_GivesTheG711Values(byte code, short expected) => Assert.Equal(expected, G711.DecodeALaw(code));

    [Theory]
    [InlineData(0, 0xFF, 0xD5)]
    [InlineData(-1, 0x7F, 0x55)]
    [InlineData(32767, 0x80, 0xAA)]
    [InlineData(-32768, 0x00, 0x2A)]
    public void Encode_GivesTheG711Codes(short pcm, byte muLaw, byte aLaw)
    {
        Assert.Equal(muLaw, G711.EncodeMuLaw(pcm));
        Assert.Equal(aLaw, G711.EncodeALaw(pcm));
    }

    [Fact]
    public void EncodeOfDecode_GivesBackEveryCode_ExceptMuLawNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));
            Assert.Equal(code == 0x7F ? (byte)0xFF : (byte)code, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
        }
    }

    [Fact]
    public void TheSimulatorsIndependentDecoder_AgreesWithTheAdapterOnEveryCode()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(G711.DecodeMuLaw((byte)code), G711Decoder.Decode((byte)code, 0));
            Assert.Equal(G711.DecodeALaw((byte)code), G711Decoder.Decode((byte)code, 8));
        }
    }

    [Fact]
    public void Encode_IsMonotonicInTheDecodedValue()
    {
        var previousMu = short.MinValue;
        var previousA = short.MinValue;
        for (int pcm = short.MinValue; pcm <= short.MaxValue; pcm += 7)
        {
            var mu = G711.DecodeMuLaw(G711.EncodeMuLaw((short)pcm));
            var a = G711.DecodeALaw(G711.EncodeALaw((short)pcm));
            Assert.True(mu >= previousMu && a >= previousA, $"not monotonic at {pcm}");
            previousMu = mu;
            previousA = a;
        }
    }
}
