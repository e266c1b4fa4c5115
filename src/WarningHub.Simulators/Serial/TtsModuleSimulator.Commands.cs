using System.Text;

namespace WarningHub.Simulators.Serial;

/// <summary>What the simulated module does with each complete frame.</summary>
public sealed partial class TtsModuleSimulator
{
    private const byte Received = 0x41;
    private const byte BadFrame = 0x45;
    private const byte Initialised = 0x4A;
    private const byte Busy = 0x4E;
    private const byte Idle = 0x4F;

    private readonly Lock _lock = new();
    private readonly List<SimulatedUtterance> _spoken = [];
    private long _utterance;
    private bool _speaking;
    private int _framesRejected;
    private int _refusedWhileBusy;
    private int _statusQueries;
    private int _busyAnswers;

    /// <summary>Every synthesis frame accepted, in order.</summary>
    public IReadOnlyList<SimulatedUtterance> Spoken
    {
        get
        {
            lock (_lock)
            {
                return [.. _spoken];
            }
        }
    }

    /// <summary>The texts of <see cref="Spoken"/> joined.</summary>
    public string SpokenText => string.Concat(Spoken.Select(u => u.Text));

    /// <summary>Whether it is speaking now.</summary>
    public bool IsSpeaking
    {
        get
        {
            lock (_lock)
            {
                return _speaking;
            }
        }
    }

    /// <summary>Frames answered 0x45 (bad length, checksum, command or text).</summary>
    public int FramesRejected => Volatile.Read(ref _framesRejected);

    /// <summary>Synthesis frames refused with 0x4E because it was speaking.</summary>
    public int RefusedWhileBusy => Volatile.Read(ref _refusedWhileBusy);

    /// <summary>Status queries (0x21) received.</summary>
    public int StatusQueries => Volatile.Read(ref _statusQueries);

    /// <summary>Status queries answered busy (0x4E).</summary>
    public int BusyAnswers => Volatile.Read(ref _busyAnswers);

    /// <summary>Speaks something that did not come over the line (a local announcement) for <paramref name="duration"/>;
    /// it is logged as "occupied", not recorded in <see cref="Spoken"/>.</summary>
    public void Occupy(TimeSpan duration) => BeginSpeaking(new SimulatedUtterance(string.Empty, -1, 0), duration, record: false);

    private async Task HandleFrameAsync(byte[] frame)
    {
        var data = frame.AsSpan(3);
        if (Options.Checksum)
        {
            byte xor = 0;
            foreach (var b in frame.AsSpan(0, frame.Length - 1))
            {
                xor ^= b;
            }

            if (xor != frame[^1])
            {
                await RejectAsync();
                return;
            }

            data = data[..^1];
        }

        if (data.IsEmpty)
        {
            await RejectAsync();
            return;
        }

        switch (data[0])
        {
            case 0x01:
                await SynthesizeAsync(data[1..].ToArray());
                break;
            case 0x02:
                StopSpeaking();
                await AnswerAsync(Received);
                break;
            case 0x03 or 0x04 or 0x88:
                // Pause, resume and power-down are acknowledged; their effect on timing is not modelled.
                await AnswerAsync(Received);
                break;
            case 0xFF:
                await AnswerAsync(Initialised);
                break;
            case 0x21:
                Interlocked.Increment(ref _statusQueries);
                var state = IsSpeaking ? Busy : Idle;
                if (state == Busy)
                {
                    Interlocked.Increment(ref _busyAnswers);
                }

                await (Options.AcknowledgeStatusQuery ? AnswerAsync(Received, state) : AnswerAsync(state));
                break;
            default:
                await RejectAsync();
                break;
        }
    }

    private async Task SynthesizeAsync(byte[] parameterAndText)
    {
        if (parameterAndText.Length < 2 || Decode(parameterAndText[0] & 0x07, parameterAndText.AsSpan(1)) is not { } text)
        {
            await RejectAsync();
            return;
        }

        if (Silent)
        {
            return;
        }

        if (IsSpeaking)
        {
            Interlocked.Increment(ref _refusedWhileBusy);
            await AnswerAsync(Busy);
            return;
        }

        var utterance = new SimulatedUtterance(text, parameterAndText[0] & 0x07, parameterAndText[0] >> 3);
        BeginSpeaking(utterance, Options.TimePerCharacter * text.Length, record: true);
        if (Options.AcknowledgeSynthesis)
        {
            await AnswerAsync(Received);
        }
    }

    private void BeginSpeaking(SimulatedUtterance utterance, TimeSpan duration, bool record)
    {
        long id;
        lock (_lock)
        {
            id = ++_utterance;
            _speaking = true;
            if (record)
            {
                _spoken.Add(utterance);
                _log?.Add("speak " + utterance.Text);
            }
            else
            {
                _log?.Add("occupied");
            }
        }

        _ = FinishSpeakingAsync(id, duration);
    }

    private async Task FinishSpeakingAsync(long id, TimeSpan duration)
    {
        try
        {
            await Task.Delay(duration, _time, _stop.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (id != _utterance || !_speaking)
            {
                return;
            }

            _speaking = false;
            _log?.Add("idle");
        }

        if (Options.AnnounceIdle)
        {
            await AnswerAsync(Idle);
        }
    }

    private void StopSpeaking()
    {
        lock (_lock)
        {
            if (!_speaking)
            {
                return;
            }

            _speaking = false;
            _utterance++;
            if (_spoken.Count > 0)
            {
                _spoken[^1] = _spoken[^1] with { Interrupted = true };
            }

            _log?.Add("stopped");
        }
    }

    private Task RejectAsync()
    {
        Interlocked.Increment(ref _framesRejected);
        return AnswerAsync(BadFrame);
    }

    private static string? Decode(int encodingCode, ReadOnlySpan<byte> text)
    {
        if (encodingCode == 0 && !IsGb2312(text))
        {
            return null;
        }

        Encoding? encoding = encodingCode switch
        {
            0 or 1 => Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            2 => Encoding.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
            3 => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
            _ => null,
        };
        try
        {
            return encoding?.GetString(text);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    // A module set to GB2312 knows rows 0xA1-0xA9 and 0xB0-0xF7 with cells 0xA1-0xFE; GBK-only bytes are noise to it.
    private static bool IsGb2312(ReadOnlySpan<byte> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] < 0x80)
            {
                continue;
            }

            var lead = text[i];
            if (i + 1 >= text.Length || lead < 0xA1 || lead > 0xF7 || lead is > 0xA9 and < 0xB0 || text[i + 1] < 0xA1 || text[i + 1] > 0xFE)
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
