using System.Net.Sockets;
using System.Security.Cryptography;

namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// One talk spurt of G.711 to one destination: sequence numbers and timestamps start at random values (RFC 3550
/// §5.1) and advance by one and by the samples per packet, wrapping modulo 2^16 and 2^32; the marker bit is set on
/// the first packet only; the last packet is filled up with silence so every packet carries the same time.
/// Only the pacer touches <see cref="Sent"/> once the stream is added.
/// </summary>
internal sealed class RtpStream
{
    private readonly ReadOnlyMemory<byte> _audio;
    private readonly TaskCompletionSource<SocketError> _firstPacket = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _aborted;

    public RtpStream(string id, ReadOnlyMemory<byte> audio, byte payloadType, int samplesPerPacket, RtpStart start, PacketSchedule schedule, IPacketTarget target)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerPacket, 1);
        Id = id;
        _audio = audio;
        PayloadType = payloadType;
        SamplesPerPacket = samplesPerPacket;
        Start = start;
        Schedule = schedule;
        Target = target;
        PacketCount = (audio.Length + samplesPerPacket - 1) / samplesPerPacket;
    }

    public string Id { get; }

    public byte PayloadType { get; }

    public int SamplesPerPacket { get; }

    public RtpStart Start { get; }

    public PacketSchedule Schedule { get; }

    public IPacketTarget Target { get; }

    public int PacketCount { get; }

    /// <summary>Packets handed to the socket so far.</summary>
    public int Sent { get; private set; }

    public long NextDue => Schedule.DueAt(Sent);

    /// <summary>When the last packet is due (the stream's end minus one packet time).</summary>
    public long LastDue => Schedule.DueAt(Math.Max(0, PacketCount - 1));

    public bool IsFinished => _aborted || Sent >= PacketCount;

    public bool IsAborted => _aborted;

    /// <summary>Completes with the outcome of the first send.</summary>
    public Task<SocketError> FirstPacket => _firstPacket.Task;

    /// <summary>Completes when the last packet was sent (true) or the stream was aborted (false).</summary>
    public Task<bool> Completion => _completion.Task;

    /// <summary>Writes packet number <see cref="Sent"/> (header and payload) and returns its length.</summary>
    public int WriteNext(Span<byte> buffer)
    {
        var header = new RtpHeader(
            Marker: Sent == 0,
            PayloadType,
            unchecked((ushort)(Start.SequenceNumber + Sent)),
            unchecked(Start.Timestamp + ((uint)Sent * (uint)SamplesPerPacket)),
            Start.Ssrc);
        header.Write(buffer);
        var payload = buffer.Slice(RtpHeader.Length, SamplesPerPacket);
        var from = Sent * SamplesPerPacket;
        var length = Math.Min(SamplesPerPacket, _audio.Length - from);
        _audio.Span.Slice(from, length).CopyTo(payload);
        payload[length..].Fill(Audio.G711.Silence(PayloadType));
        return RtpHeader.Length + SamplesPerPacket;
    }

    /// <summary>Records the outcome of sending packet <see cref="Sent"/> and moves on.</summary>
    public void OnSent(SocketError result)
    {
        if (Sent == 0)
        {
            _firstPacket.TrySetResult(result);
        }

        Sent++;
    }

    public void Abort() => _aborted = true;

    public void Complete()
    {
        _firstPacket.TrySetResult(SocketError.OperationAborted);
        _completion.TrySetResult(!_aborted);
    }
}

/// <summary>The random starting values of a stream.</summary>
internal readonly record struct RtpStart(ushort SequenceNumber, uint Timestamp, uint Ssrc)
{
    /// <summary>Unpredictable starts, as RFC 3550 §5.1 asks (against known-plaintext attacks on encrypted streams).</summary>
    public static RtpStart Random()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        return new RtpStart(
            BitConverter.ToUInt16(bytes),
            BitConverter.ToUInt32(bytes[2..]),
            BitConverter.ToUInt32(bytes[6..]));
    }
}
