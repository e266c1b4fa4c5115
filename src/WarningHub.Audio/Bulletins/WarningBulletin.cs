using WarningHub.Abstractions;

namespace WarningHub.Audio;

/// <summary>A finished bulletin: the audio for terminals that play it and the script for terminals that speak.</summary>
/// <param name="Clip">Tone, speech (repeated), tone, in every <see cref="AudioFormat"/>.</param>
/// <param name="Script">What is said.</param>
/// <param name="SpeechProblem">Why the clip has tones only, or null when it speaks.</param>
public sealed record WarningBulletin(AudioClip Clip, BroadcastScript Script, string? SpeechProblem)
{
    /// <summary>True when the clip contains the spoken script, false when it is tones only.</summary>
    public bool IsSpoken => SpeechProblem is null;

    /// <summary>One pass of the script, status notice first: for terminals with their own speech (TTS modules).</summary>
    public string Text => Script.Text;
}
