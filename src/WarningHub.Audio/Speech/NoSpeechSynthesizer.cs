namespace WarningHub.Audio;

/// <summary>The <c>none</c> engine: never speaks, so every bulletin is tones only.</summary>
public sealed class NoSpeechSynthesizer : ISpeechSynthesizer
{
    private static readonly SpeechAvailability Off =
        SpeechAvailability.Unavailable("speech is switched off (Audio:SpeechEngine is 'none')");

    /// <inheritdoc />
    public string Profile => SpeechEngines.None;

    /// <inheritdoc />
    public ValueTask<SpeechAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Off);

    /// <inheritdoc />
    public Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken) =>
        Task.FromException<SpeechAudio>(new SpeechException(Off.Reason!));
}
