using WarningHub.Audio;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;

namespace WarningHub.Server.Audio;

/// <summary>
/// The engine's loudspeaker bulletins, made by the audio module. Audio knows nothing of the engine, so the bridge
/// lives in the host. Shard jobs of loudspeaker channels and the village broadcaster's audio.wav link both ask here,
/// so every terminal and every broadcaster plays the same clip (made once, then cached by the audio module).
/// </summary>
internal sealed class AudioBulletinSource(IWarningAudio audio) : IBulletinSource
{
    /// <summary>The county's loudspeakers speak Mandarin.</summary>
    public const string Language = "zh-CN";

    public async Task<Bulletin> BulletinAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        // When speech is unavailable the clip is alert tones only; the text still goes to terminals that speak for themselves.
        var bulletin = await audio.GetAsync(warning, Language, cancellationToken);
        return new Bulletin(bulletin.Clip, bulletin.Text);
    }
}
