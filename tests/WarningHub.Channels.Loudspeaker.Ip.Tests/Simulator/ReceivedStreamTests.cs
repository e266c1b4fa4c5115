using System.Buffers.Binary;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Simulator;

/// <summary>The simulator's pacing and continuity checks, fed with hand-made packets and arrival times.</summary>
public class ReceivedStreamTests
{
    private const long Frequency = 8000;

    [Fact]
    public void Jitter_OfPerfectlyPacedPackets_IsZeroAndNothingIsLost()
    {
        var stream = Feed([(0, 0), (1, 160), (2, 320), (3, 480)]);

        Assert.Equal(0, stream.JitterMs);
        Assert.Equal(0, stream.Lost);
        Assert.Equal(0, stream.SequenceGaps);
        Assert.Equal(0, stream.TimestampErrors);
    }

    [Fact]
    public void Jitter_FollowsRfc3550A8_WhenOnePacketArrivesOneMillisecondLate()
    {
        // Packet 1 arrives 8 units (1 ms) late: D = 8 at packet 1 and 8 at packet 2.
        var stream = Feed([(0, 0), (1, 168), (2, 320)]);

        var j1 = 8.0 / 16;
        var j2 = j1 + ((8 - j1) / 16);
        Assert.Equal(j2 / 8, stream.JitterMs, precision: 12);
        Assert.Equal([0, j1 / 8, j2 / 8], stream.JitterSamplesMs.Select(j => Math.Round(j, 12)));
    }

    [Fact]
    public void Lost_CountsMissingSequenceNumbersAcrossTheWrapAround()
    {
        var stream = Feed([(65534, 0), (65535, 160), (1, 480), (2, 640)], firstSequence: 65534);

        Assert.Equal(1, stream.Lost);
        Assert.Equal(1, stream.SequenceGaps);
        Assert.Equal(0, stream.TimestampErrors);
    }

    [Fact]
    public void TimestampErrors_CountsAStepThatDoesNotMatchTheSamplesInBetween()
    {
        var stream = Feed([(0, 0), (1, 160), (2, 320), (3, 480)], skewOn: [2]);

        Assert.Equal(1, stream.TimestampErrors);
        Assert.Equal(0, stream.SequenceGaps);
    }

    [Fact]
    public void MarkerOnFirstOnly_IsFalseWhenALaterPacketCarriesTheMarker()
    {
        var stream = Feed([(0, 0), (1, 160)], markerOn: [0, 1]);

        Assert.False(stream.MarkerOnFirstOnly);
    }

    /// <summary>Packets (sequence, arrival in 1/8000 s), timestamps 160 per sequence step from 1000 (80 more on <paramref name="skewOn"/>).</summary>
    private static ReceivedStream Feed((int Sequence, long Arrival)[] packets, int firstSequence = 0, int[]? markerOn = null, int[]? skewOn = null)
    {
        var stream = new ReceivedStream(0x11, 0, keepAudio: true, keepJitter: true);
        foreach (var (sequence, arrival) in packets)
        {
            var steps = (ushort)(sequence - firstSequence);
            var bytes = new byte[172];
            bytes[0] = 0x80;
            bytes[1] = (byte)((markerOn ?? [packets[0].Sequence]).Contains(sequence) ? 0x80 : 0);
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)sequence);
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), 1000u + (steps * 160u) + ((skewOn ?? []).Contains(sequence) ? 80u : 0u));
            BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), 0x11);
            Assert.True(RtpPacketView.TryParse(bytes, out var view));
            stream.Add(view, bytes.AsSpan(12, 160), arrival, Frequency);
        }

        return stream;
    }
}
