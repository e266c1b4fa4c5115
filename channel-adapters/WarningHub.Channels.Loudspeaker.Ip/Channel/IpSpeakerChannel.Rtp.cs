using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Addressing;
using WarningHub.Channels.Loudspeaker.Ip.Audio;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;

namespace WarningHub.Channels.Loudspeaker.Ip;

public sealed partial class IpSpeakerChannel
{
    /// <summary>
    /// Stops an RTP stream that is playing (a cancelled warning). Returns false when no such stream plays.
    /// The terminal gets no more packets; its play report, if any, still arrives.
    /// </summary>
    public bool Abort(string providerMessageId)
    {
        if (!_streams.TryGetValue(providerMessageId, out var stream))
        {
            return false;
        }

        stream.Abort();
        return true;
    }

    /// <summary>
    /// Checks the terminal (or the group's members), schedules the stream on the pacer and returns Accepted once
    /// its first packet left the socket. The provider id is <c>{ssrc as 8 hex digits}@{address key}</c>; the
    /// terminal confirms the play by quoting the SSRC as <c>playId</c>. When <paramref name="stop"/> fires later, while
    /// the stream still plays, the stream is cut off and its play is no longer awaited (see <see cref="StopWhenSignalled"/>).
    /// </summary>
    private async ValueTask<DeliveryResult> BroadcastRtpAsync(AudioMessage message, TerminalAddress address, RtpPacer pacer, RtpSockets sockets,
        CancellationToken stop)
    {
        IReadOnlyList<string> listeners;
        if (address.Kind == TerminalKind.RtpUnicast)
        {
            if (Unplayable(address.Key) is { } refusal)
            {
                return refusal;
            }

            listeners = [address.Key];
        }
        else
        {
            listeners = _book.PlayableMembers(address.Key, out var known);
            if (listeners.Count == 0)
            {
                return DeliveryResult.Temporary(
                    "NO_MEMBERS",
                    $"No member of group {address.Key} is online and able to play ({known} known); a group nobody hears is not counted as reached.",
                    _options.OfflineAfter);
            }
        }

        var audio = ClipPayload.ForRtp(message.Clip, address.PayloadType, out var problem);
        if (audio is null)
        {
            return DeliveryResult.Permanent("CLIP", problem);
        }

        if (pacer.Active >= _options.MaxConcurrentStreams)
        {
            return DeliveryResult.Temporary("BUSY", $"All {_options.MaxConcurrentStreams} RTP streams are playing.", SoonestStreamEnd());
        }

        var start = UniqueStart(listeners);
        var playId = start.Ssrc.ToString("x8", CultureInfo.InvariantCulture);
        var id = $"{playId}@{address.Key}";
        var samplesPerPacket = (int)(_options.PacketTime.Ticks * RtpPayloadTypes.ClockRate / TimeSpan.TicksPerSecond);
        var schedule = new PacketSchedule(_time.GetTimestamp(), _time.TimestampFrequency, _options.PacketTime, _options.JitterBufferLead);
        var target = address.Kind == TerminalKind.RtpUnicast ? sockets.Unicast(address.Endpoint!) : sockets.Multicast(address.Endpoint!, address.Ttl);
        var stream = new RtpStream(id, audio.Value, address.PayloadType, samplesPerPacket, start, schedule, target);

        // Expected before the first packet leaves: a terminal may confirm a short clip before this method returns.
        var duration = TimeSpan.FromSeconds((double)stream.PacketCount * samplesPerPacket / RtpPayloadTypes.ClockRate);
        _confirmations.Expect(id, playId, listeners, _time.GetUtcNow() + duration + _options.PlayConfirmationGrace);
        _streams[id] = stream;
        _ = stream.Completion.ContinueWith(_ => _streams.TryRemove(id, out RtpStream? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        pacer.Add(stream);

        var first = await stream.FirstPacket.ConfigureAwait(false);
        if (first != SocketError.Success)
        {
            stream.Abort();
            _confirmations.Forget(id);
            return DeliveryResult.Temporary("SOCKET", $"The first RTP packet to {address.Key} could not be sent ({first}).");
        }

        StopWhenSignalled(id, stream, stop);
        return DeliveryResult.Accepted([id]);
    }

    /// <summary>
    /// The engine passes a warning's stop signal: a cancel, update or expiry must also silence a bulletin that is still
    /// playing, not only the ones not yet sent. A stream cut short is not confirmed: a terminal cannot tell a cut from
    /// an end and would report it played, so its report is no longer awaited and the slot ends unconfirmed.
    /// </summary>
    private void StopWhenSignalled(string id, RtpStream stream, CancellationToken stop)
    {
        if (!stop.CanBeCanceled)
        {
            return;
        }

        var registration = stop.Register(() =>
        {
            if (!stream.Completion.IsCompleted)
            {
                _confirmations.Forget(id);
                stream.Abort();
                _logger.LogInformation("RTP stream {Stream} cut off: its warning was stopped", id);
            }
        });
        _ = stream.Completion.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>A random start whose SSRC no listener is still expected to confirm (so play reports stay unambiguous).</summary>
    private RtpStart UniqueStart(IReadOnlyList<string> listeners)
    {
        var start = RtpStart.Random();
        for (var i = 0; i < 8 && listeners.Any(l => _confirmations.IsExpected(l, start.Ssrc.ToString("x8", CultureInfo.InvariantCulture))); i++)
        {
            start = RtpStart.Random();
        }

        return start;
    }

    private TimeSpan? SoonestStreamEnd()
    {
        var now = _time.GetTimestamp();
        var soonest = _streams.Values.Select(s => (long?)s.LastDue).Min();
        return soonest is null ? null : _time.GetElapsedTime(now, Math.Max(now, soonest.Value));
    }
}
