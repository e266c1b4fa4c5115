using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WarningHub.Abstractions;

namespace WarningHub.Simulators.Speakers;

public sealed partial class SimulatedSpeaker
{
    private readonly Dictionary<uint, ReceivedStream> _streams = [];
    private readonly List<ReceivedStream> _order = [];
    private uint? _currentSsrc;

    /// <summary>Streams received so far, in order of their first packet.</summary>
    public IReadOnlyList<ReceivedStream> Streams
    {
        get
        {
            lock (_gate)
            {
                return [.. _order];
            }
        }
    }

    /// <summary>Packets whose SSRC differed from the previous packet's while that stream had not ended (interleaved talk spurts).</summary>
    public int SsrcSwitches { get; private set; }

    /// <summary>Datagrams that were not RTP version 2.</summary>
    public int Malformed { get; private set; }

    private async Task ReceiveLoopAsync(Socket socket)
    {
        // The SocketAddress overload allocates nothing per datagram: a garbage collection would pause the adapter's
        // pacing thread in the same process and show up as jitter that real terminals would not see.
        var buffer = new byte[2048];
        var from = new SocketAddress(AddressFamily.InterNetwork);
        while (!_stop.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            OnDatagram(buffer.AsSpan(0, length), KernelReceiveClock.Read(socket));
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, long arrival)
    {
        if (_offline)
        {
            return;
        }

        bool started;
        lock (_gate)
        {
            if (!RtpPacketView.TryParse(datagram, out var packet) || packet.Version != 2)
            {
                Malformed++;
                return;
            }

            started = !_streams.TryGetValue(packet.Ssrc, out var stream);
            if (stream is null)
            {
                stream = new ReceivedStream(packet.Ssrc, packet.PayloadType, Options.KeepAudio, Options.KeepJitterSamples);
                _streams[packet.Ssrc] = stream;
                _order.Add(stream);
            }

            if (_currentSsrc is { } current && current != packet.Ssrc && _streams.TryGetValue(current, out var previous) && !previous.Ended)
            {
                SsrcSwitches++;
            }

            _currentSsrc = packet.Ssrc;

            // Audio after a silence longer than StreamEndSilence continues the same talk spurt (one more play report follows).
            stream.Ended = false;
            stream.Add(packet, datagram.Slice(packet.PayloadOffset, packet.PayloadLength), arrival, KernelReceiveClock.Frequency);
            stream.LastSeen = Stopwatch.GetTimestamp();
            if (started && _state is TerminalState.Normal or TerminalState.Recovered)
            {
                _state = TerminalState.Broadcasting;
            }
        }

        if (started)
        {
            SendStatus(null, null);
        }
    }

    /// <summary>Ends streams silent for <see cref="SimulatedSpeakerOptions.StreamEndSilence"/> and reports their plays.</summary>
    private void EndSilentStreams()
    {
        var silence = (long)(Options.StreamEndSilence.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        // Runs every 50 ms on every simulated terminal: it allocates only when a stream ends.
        List<ReceivedStream>? ended = null;
        lock (_gate)
        {
            foreach (var stream in _order)
            {
                if (!stream.Ended && now - stream.LastSeen > silence)
                {
                    stream.Ended = true;
                    (ended ??= []).Add(stream);
                }
            }

            if (ended is not null && _state == TerminalState.Broadcasting && _order.TrueForAll(s => s.Ended))
            {
                _state = TerminalState.Normal;
            }
        }

        foreach (var stream in ended ?? [])
        {
            ReportPlay(stream.PlayId);
        }
    }
}
