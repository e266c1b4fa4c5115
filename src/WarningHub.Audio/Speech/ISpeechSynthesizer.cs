namespace WarningHub.Audio;

/// <summary>A speech engine that turns a script into audio.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>
    /// The engine and every setting that changes its sound (voice, rate, service URL), e.g.
    /// <c>espeak-ng/cmn-latn-pinyin/en-us/150</c>: part of the cache key, so a change of setting makes new bulletins.
    /// </summary>
    string Profile { get; }

    /// <summary>
    /// Whether the engine can speak at all, and why not. Probed once and remembered: installing the engine later
    /// needs a restart.
    /// </summary>
    ValueTask<SpeechAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Speaks <see cref="SpeechRequest.Text"/>. Throws <see cref="SpeechException"/> when the engine fails
    /// (exit code, timeout, bad answer); the caller falls back to tones only.
    /// </summary>
    Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken);
}

/// <summary>What to speak.</summary>
/// <param name="Text">The script.</param>
/// <param name="Language">Its RFC 3066 language (zh-CN, en-US): chooses the voice.</param>
public sealed record SpeechRequest(string Text, string Language)
{
    /// <summary>True for Chinese (any <c>zh</c> tag), which the Chinese voice reads; everything else gets the English voice.</summary>
    public bool IsChinese => Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Mono speech as floating-point samples (-1 to 1) at the engine's own rate.</summary>
public sealed record SpeechAudio(ReadOnlyMemory<float> Samples, int SampleRate)
{
    /// <summary>Playing time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}

/// <summary>Whether a speech engine can be used.</summary>
/// <param name="IsAvailable">True when it can speak.</param>
/// <param name="Reason">Why it cannot, in words an operator can act on; null when available.</param>
public readonly record struct SpeechAvailability(bool IsAvailable, string? Reason)
{
    /// <summary>The engine can speak.</summary>
    public static SpeechAvailability Available { get; } = new(true, null);

    /// <summary>The engine cannot speak, because of <paramref name="reason"/>.</summary>
    public static SpeechAvailability Unavailable(string reason) => new(false, reason);
}
