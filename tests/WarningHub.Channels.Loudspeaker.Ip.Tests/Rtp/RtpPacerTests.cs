using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;
using WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Rtp;

public class RtpPacerTests
{
    private static readonly TimeSpan Ptime = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Step_SendsOnePacketPerStreamPerPacketTime_AndNothingEarly()
    {
        var pacer = new RtpPacer(_time);
        var targets = Enumerable.Range(0, 3).Select(_ => Add(pacer, packets: 10)).ToList();

        pacer.Step(_time.GetTimestamp());
        _time.Advance(Ptime - TimeSpan.FromTicks(1));
        pacer.Step(_time.GetTimestamp());
        Assert.All(targets, t => Assert.Single(t.Packets));

        _time.Advance(TimeSpan.FromTicks(1));
        pacer.Step(_time.GetTimestamp());
        Assert.All(targets, t => Assert.Equal(2, t.Packets.Count));
    }

    [Fact]
    public void Step_AfterALateWakeUp_SendsTheMissedPacketsInOrderAndKeepsTheAbsoluteSchedule()
    {
        var pacer = new RtpPacer(_time);
        var start = _time.GetTimestamp();
        var target = Add(pacer, packets: 10);

        pacer.Step(_time.GetTimestamp());
        _time.Advance(TimeSpan.FromMilliseconds(67));
        var next = pacer.Step(_time.GetTimestamp());

        Assert.Equal(4, target.Packets.Count);
        Assert.Equal([0, 1, 2, 3], target.Packets.Select(p => BinaryPrimitives.ReadUInt16BigEndian(p.Packet.AsSpan(2)) - 100));

        // The next deadline is start + 4 × 20 ms, not "now + 20 ms": a late wake-up does not shift the stream.
        Assert.Equal(start + (4 * _time.TimestampFrequency / 50), next);
    }

    [Fact]
    public void Step_WithStreamsStartedAtDifferentTimes_ReturnsTheEarliestNextDeadline()
    {
        var pacer = new RtpPacer(_time);
        Add(pacer, packets: 5);
        pacer.Step(_time.GetTimestamp());
        _time.Advance(TimeSpan.FromMilliseconds(7));
        Add(pacer, packets: 5);

        var next = pacer.Step(_time.GetTimestamp());

        Assert.Equal(_time.GetTimestamp() + (13 * _time.TimestampFrequency / 1000), next);
    }

    [Fact]
    public async Task Step_WhenAStreamEnds_CompletesItAndLowersTheActiveCount()
    {
        var pacer = new RtpPacer(_time);
        var stream = NewStream(pacer, packets: 2, out _);

        pacer.Step(_time.GetTimestamp());
        _time.Advance(Ptime);
        var next = pacer.Step(_time.GetTimestamp());

        Assert.Null(next);
        Assert.Equal(0, pacer.Active);
        Assert.True(stream.Completion.IsCompleted);
        Assert.True(await stream.Completion);
    }

    [Fact]
    public async Task Step_AfterAbort_SendsNothingMoreAndCompletesTheStreamAsAborted()
    {
        var pacer = new RtpPacer(_time);
        var stream = NewStream(pacer, packets: 10, out var target);
        pacer.Step(_time.GetTimestamp());

        stream.Abort();
        _time.Advance(Ptime * 3);
        pacer.Step(_time.GetTimestamp());

        Assert.Single(target.Packets);
        Assert.True(stream.Completion.IsCompleted);
        Assert.False(await stream.Completion);
    }

    [Fact]
    public async Task Loop_OnFakeTime_SendsTheNextPacketOnlyWhenTimeAdvances()
    {
        var pacer = new RtpPacer(_time);
        await using var _ = pacer;
        pacer.Start();
        var stream = NewStream(pacer, packets: 5, out var target);

        Assert.Equal(System.Net.Sockets.SocketError.Success, await stream.FirstPacket.WaitAsync(TimeSpan.FromSeconds(10)));
        for (var expected = 2; expected <= 5; expected++)
        {
            Assert.Equal(expected - 1, target.Packets.Count);
            _time.Advance(Ptime);
            Assert.True(await Eventually.TrueAsync(() => target.Packets.Count == expected));
        }

        Assert.True(await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(target.Packets.Select((p, i) => (p, i)), x => Assert.Equal(x.p.At, target.Packets[0].At + (x.i * _time.TimestampFrequency / 50)));
    }

    private RecordingTarget Add(RtpPacer pacer, int packets)
    {
        NewStream(pacer, packets, out var target);
        return target;
    }

    private RtpStream NewStream(RtpPacer pacer, int packets, out RecordingTarget target)
    {
        target = new RecordingTarget(_time);
        var schedule = new PacketSchedule(_time.GetTimestamp(), _time.TimestampFrequency, Ptime, TimeSpan.Zero);
        var stream = new RtpStream("s", new byte[packets * 160], 0, 160, new RtpStart(100, 0, 1), schedule, target);
        pacer.Add(stream);
        return stream;
    }
}
