namespace WarningHub.Audio.Tests;

/// <summary>
/// A stand-in speech engine (not espeak-ng, not a service): answers with a 440 Hz tone of a fixed length and counts
/// its calls, so tests can see when synthesis happens. It can be told to fail.
/// </summary>
internal sealed class FakeSynthesizer(string profile = "fake/1") : ISpeechSynthesizer
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    /// <summary>When set, the next syntheses throw a <see cref="SpeechException"/> with this message.</summary>
    public string? FailWith { get; set; }

    /// <summary>Made to wait here while set, to let several callers meet on one synthesis.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public SpeechAvailability Availability { get; set; } = SpeechAvailability.Available;

    public string Profile => profile;

    public ValueTask<SpeechAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Availability);

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return FailWith is { } failure
            ? throw new SpeechException(failure)
            : new SpeechAudio(Signal.Sine(440, 22050, 2.0), 22050);
    }
}
