using WarningHub.Channels.Loudspeaker.Ip.Rtp;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Rtp;

public class RtpHeaderTests
{
    [Fact]
    public void Write_WithMarkerAndPcmu_LaysOutTheRfc3550FixedHeaderByteByByte()
    {
        var bytes = new byte[12];
        new RtpHeader(Marker: true, PayloadType: 0, SequenceNumber: 0x1234, Timestamp: 0x89ABCDEF, Ssrc: 0x01020304).Write(bytes);

        // V=2 P=0 X=0 CC=0 | M=1 PT=0 | sequence | timestamp | SSRC, all big-endian (RFC 3550 §5.1).
        Assert.Equal(new byte[] { 0x80, 0x80, 0x12, 0x34, 0x89, 0xAB, 0xCD, 0xEF, 0x01, 0x02, 0x03, 0x04 }, bytes);
    }

    [Fact]
    public void Write_WithoutMarkerAndPcma_PutsPayloadType8InTheLowSevenBitsOfByte1()
    {
        var bytes = new byte[12];
        new RtpHeader(Marker: false, PayloadType: 8, SequenceNumber: 0xFFFF, Timestamp: 0, Ssrc: 0xFFFFFFFF).Write(bytes);

        Assert.Equal(new byte[] { 0x80, 0x08, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF }, bytes);
    }

    [Fact]
    public void Write_ThenTryRead_GivesTheSameHeaderAndA12BytePayloadOffset()
    {
        var header = new RtpHeader(true, 8, 40000, 3_000_000_000, 0xDEADBEEF);
        var bytes = new byte[172];
        header.Write(bytes);

        Assert.True(RtpHeader.TryRead(bytes, out var read, out var offset));
        Assert.Equal(header, read);
        Assert.Equal(12, offset);
    }

    [Fact]
    public void TryRead_WithTwoCsrcsAndAnExtension_FindsThePayloadAfterThem()
    {
        // CC=2, X=1: 12 + 2×4 CSRC + 4 extension header + 1×4 extension word = 28.
        var bytes = new byte[40];
        bytes[0] = 0x80 | 0x10 | 0x02;
        bytes[1] = 0x00;
        bytes[22] = 0x00;
        bytes[23] = 0x01;

        Assert.True(RtpHeader.TryRead(bytes, out _, out var offset));
        Assert.Equal(28, offset);
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x8F, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void TryRead_WithAnotherVersionOrTooFewBytes_Refuses(byte[] packet)
    {
        Assert.False(RtpHeader.TryRead(packet, out _, out _));
    }

    [Fact]
    public void Write_WithAPayloadTypeOver127_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new RtpHeader(false, 128, 0, 0, 0).Write(new byte[12]));
    }
}
