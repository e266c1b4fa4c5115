using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>
/// Talks to one TTS module over an open line: hands over synthesis frames, queries status, waits for idle. Every
/// wait is bounded by the options' timeouts; retries are link-level resends of one frame, never of a bulletin.
/// </summary>
internal sealed class TtsModuleClient(SerialLine line, SerialSpeakerOptions options, bool checksum, TimeProvider time)
{
    private const int MaxBytesPerAnswer = 4;

    /// <summary>Hands one synthesis frame to the module.</summary>
    /// <param name="frame">The synthesis frame.</param>
    /// <param name="written">Called each time the frame is about to be written: from then on the module may be speaking it.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async ValueTask<SegmentHandOver> HandOverAsync(byte[] frame, Action written, CancellationToken cancellationToken)
    {
        var outcome = SegmentHandOver.NoAnswer;
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            // Late answers or an idle announcement from the frame before must not be read as this frame's answer.
            await line.DrainAsync(line.TransmitTime(2) + TimeSpan.FromMilliseconds(10), cancellationToken);
            // Told before the write: a write cut short by a cancel may still have put the frame on the wire, and the
            // module may be speaking it (a cancel that raced the write escaped as an exception).
            written();
            await line.WriteAsync(frame, cancellationToken);
            var answer = await ReadAnswerAsync(frame.Length, skipStatusBytes: true, cancellationToken);
            switch (answer)
            {
                case TtsAnswer.Received:
                    return SegmentHandOver.Accepted;
                case TtsAnswer.Busy:
                    return SegmentHandOver.Busy;
                case -1:
                    // The answer byte may be what was lost: a module that is busy now took the frame, and resending
                    // it would speak it twice.
                    if (await QueryAsync(attempts: 1, cancellationToken) == ModuleState.Busy)
                    {
                        return SegmentHandOver.Accepted;
                    }

                    outcome = SegmentHandOver.NoAnswer;
                    break;
                default:
                    outcome = SegmentHandOver.Rejected;
                    break;
            }
        }

        return outcome;
    }

    /// <summary>Sends a status query, up to <paramref name="attempts"/> times while answers are missing or wrong.</summary>
    public async ValueTask<ModuleState> QueryAsync(int attempts, CancellationToken cancellationToken)
    {
        var frame = TtsFrame.Control(TtsCommand.StatusQuery, checksum);
        var state = ModuleState.NoAnswer;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            line.Discard();
            await line.WriteAsync(frame, cancellationToken);
            state = await ReadAnswerAsync(frame.Length, skipStatusBytes: false, cancellationToken) switch
            {
                TtsAnswer.Idle => ModuleState.Idle,
                TtsAnswer.Busy => ModuleState.Busy,
                -1 => ModuleState.NoAnswer,
                _ => ModuleState.BadAnswer,
            };
            if (state is ModuleState.Idle or ModuleState.Busy)
            {
                return state;
            }
        }

        return state;
    }

    /// <summary>Polls until the module is idle, it stops answering properly, or <paramref name="limit"/> has passed.</summary>
    /// <returns>Idle; Busy when still speaking at the limit; NoAnswer or BadAnswer when the module failed the queries.</returns>
    public async ValueTask<ModuleState> WaitForIdleAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var state = await QueryAsync(options.Retries + 1, cancellationToken);
            if (state != ModuleState.Busy || time.GetElapsedTime(started) >= limit)
            {
                return state;
            }

            await Task.Delay(options.IdlePollInterval, time, cancellationToken);
        }
    }

    /// <summary>Stops speech at once (used when a bulletin is cancelled); one try, answer not required.</summary>
    public async ValueTask StopAsync(CancellationToken cancellationToken)
    {
        var frame = TtsFrame.Control(TtsCommand.Stop, checksum);
        line.Discard();
        await line.WriteAsync(frame, cancellationToken);
        await ReadAnswerAsync(frame.Length, skipStatusBytes: true, cancellationToken);
    }

    /// <summary>
    /// Reads the answer to a frame: the first byte that means something for it. The status query is answered with
    /// 0x41 then the state on SYN6288 and with the state alone on XFS5152, so 0x41 and 0x4A are skipped there; for
    /// other frames the idle byte a module sends on finishing earlier speech is skipped.
    /// </summary>
    private async ValueTask<int> ReadAnswerAsync(int frameLength, bool skipStatusBytes, CancellationToken cancellationToken)
    {
        var timeout = options.ResponseTimeout + line.TransmitTime(frameLength);
        for (var i = 0; i < MaxBytesPerAnswer; i++)
        {
            var answer = await line.ReadByteAsync(timeout, cancellationToken);
            var skip = skipStatusBytes
                ? answer is TtsAnswer.Idle or TtsAnswer.Initialised
                : answer is TtsAnswer.Received or TtsAnswer.Initialised;
            if (!skip)
            {
                return answer;
            }
        }

        return -1;
    }
}
