using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Rtp;

public class RtpStreamTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Packets_SequenceNumbersWrapFrom65535To0()
    {
        var packets = SendAll(new byte[160 * 4], new RtpStart(65534, 0, 1));

        Assert.Equal(new ushort[] { 65534, 65535, 0, 1 }, packets.Select(p => BinaryPrimitives.ReadUInt16BigEndian(p.AsSpan(2))));
    }

    [Fact]
    public void Packets_TimestampsStepBy160AndWrapModulo2Pow32()
    {
        var packets = SendAll(new byte[160 * 4], new RtpStart(0, uint.MaxValue - 200, 1));

        Assert.Equal(
            new uint[] { uint.MaxValue - 200, uint.MaxValue - 40, 119, 279 },
            packets.Select(p => BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(4))));
    }

    [Fact]
    public void Packets_CarryTheMarkerBitOnTheFirstPacketOnlyAndOneSsrc()
    {
        var packets = SendAll(new byte[160 * 5], new RtpStart(7, 9, 0xCAFEF00D));

        Assert.Equal(new[] { true, false, false, false, false }, packets.Select(p => (p[1] & 0x80) != 0));
        Assert.All(packets, p => Assert.Equal(0xCAFEF00Du, BinaryPrimitives.ReadUInt32BigEndian(p.AsSpan(8))));
        Assert.All(packets, p => Assert.Equal(0x80, p[0]));
    }

    [Fact]
    public void Packets_CarryTheClipInOrderAndFillTheLastWithSilence()
    {
        var audio = Enumerable.Range(0, 400).Select(i => (byte)(i % 250)).ToArray();

        var packets = SendAll(audio, new RtpStart(0, 0, 1));

        Assert.Equal(3, packets.Count);
        Assert.All(packets, p => Assert.Equal(172, p.Length));
        Assert.Equal(audio, packets.SelectMany(p => p[12..]).Take(400));
        Assert.All(packets[2][(12 + 80)..], b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Packets_OfAnALawStream_FillTheLastWithALawSilence()
    {
        var packets = SendAll(new byte[170], new RtpStart(0, 0, 1), payloadType: 8);

        Assert.All(packets[1][(12 + 10)..], b => Assert.Equal(0xD5, b));
        Assert.All(packets, p => Assert.Equal(8, p[1] & 0x7F));
    }

    [Fact]
    public void RandomStarts_DifferFromStreamToStream()
    {
        var starts = Enumerable.Range(0, 200).Select(_ => RtpStart.Random()).ToList();

        Assert.Equal(200, starts.Select(s => s.Ssrc).Distinct().Count());
        Assert.True(starts.Select(s => s.SequenceNumber).Distinct().Count() > 150);
        Assert.True(starts.Select(s => s.Timestamp).Distinct().Count() > 190);
    }

    private List<byte[]> SendAll(byte[] audio, RtpStart start, byte payloadType = 0)
    {
        var target = new RecordingTarget(_time);
        var schedule = new PacketSchedule(_time.GetTimestamp(), _time.TimestampFrequency, TimeSpan.FromMilliseconds(20), TimeSpan.Zero);
        var pacer = new RtpPacer(_time);
        var stream = new RtpStream("s", audio, payloadType, 160, start, schedule, target);
        pacer.Add(stream);
        for (var i = 0; i < 100 && !stream.IsFinished; i++)
        {
            pacer.Step(_time.GetTimestamp());
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(stream.Completion.IsCompletedSuccessfully);
        return [.. target.Packets.Select(p => p.Packet)];
    }
}
