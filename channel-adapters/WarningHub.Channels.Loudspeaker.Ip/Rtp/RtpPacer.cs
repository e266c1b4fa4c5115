namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// One pacing loop for every stream of the adapter: streams wait in a priority queue keyed by the absolute
/// timestamp of their next packet, and <see cref="Step"/> sends whatever is due. A late wake-up sends the missed
/// packets at once rather than dropping audio. The loop that calls <see cref="Step"/> is in RtpPacer.Loop.cs.
/// </summary>
internal sealed partial class RtpPacer
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<RtpStream, long> _queue = new();
    private readonly List<RtpStream> _batch = [];
    private readonly byte[] _buffer = new byte[RtpHeader.Length + 8 * 60];
    private int _active;
    private long _packets;
    private long _sendErrors;

    public RtpPacer(TimeProvider time)
    {
        _time = time;
        _systemClock = ReferenceEquals(time, TimeProvider.System);
    }

    /// <summary>Streams added and not yet finished.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Packets handed to sockets since start.</summary>
    public long Packets => Interlocked.Read(ref _packets);

    /// <summary>How late packets left against their deadline.</summary>
    public LatenessHistogram Lateness { get; } = new();

    /// <summary>Sends that the socket refused.</summary>
    public long SendErrors => Interlocked.Read(ref _sendErrors);

    /// <summary>Queues a stream; its first packet is due at once (or at its schedule's start).</summary>
    public void Add(RtpStream stream)
    {
        lock (_gate)
        {
            _queue.Enqueue(stream, stream.NextDue);
            _active++;
        }

        Wake();
    }

    /// <summary>
    /// Sends every packet due at or before <paramref name="now"/> and returns when the next one is due, or null
    /// when no stream is left. Called from one thread at a time (the loop, or a test).
    /// </summary>
    public long? Step(long now)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out _, out var due) && due <= now)
            {
                _batch.Add(_queue.Dequeue());
            }
        }

        foreach (var stream in _batch)
        {
            while (!stream.IsFinished && stream.NextDue <= now)
            {
                var due = stream.NextDue;
                var length = stream.WriteNext(_buffer);
                var result = stream.Target.Send(_buffer.AsSpan(0, length));
                stream.OnSent(result);
                Lateness.Add(_time.GetElapsedTime(due, Math.Max(due, _time.GetTimestamp())));
                Interlocked.Increment(ref _packets);
                if (result != System.Net.Sockets.SocketError.Success)
                {
                    Interlocked.Increment(ref _sendErrors);
                }
            }

            lock (_gate)
            {
                if (stream.IsFinished)
                {
                    _active--;
                }
                else
                {
                    _queue.Enqueue(stream, stream.NextDue);
                }
            }

            if (stream.IsFinished)
            {
                stream.Complete();
            }
        }

        _batch.Clear();
        lock (_gate)
        {
            return _queue.TryPeek(out _, out var next) ? next : null;
        }
    }

    /// <summary>Ends every stream (as aborted) when the adapter stops.</summary>
    private void DrainOnStop()
    {
        List<RtpStream> left;
        lock (_gate)
        {
            left = [.. _queue.UnorderedItems.Select(item => item.Element)];
            _queue.Clear();
            _active = 0;
        }

        foreach (var stream in left)
        {
            stream.Abort();
            stream.Complete();
        }
    }
}
