namespace WarningHub.Audio;

/// <summary>The values <see cref="AudioOptions.SpeechEngine"/> accepts.</summary>
public static class SpeechEngines
{
    /// <summary>The local espeak-ng program (Debian package <c>espeak-ng</c>): the default, needs no network.</summary>
    public const string EspeakNg = "espeak-ng";

    /// <summary>An HTTP text-to-speech service that answers a POST with a WAV file.</summary>
    public const string Http = "http";

    /// <summary>No speech: bulletins are tones only, and terminals with their own speech read the text.</summary>
    public const string None = "none";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [EspeakNg, Http, None];
}
