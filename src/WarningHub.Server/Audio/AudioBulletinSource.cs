using WarningHub.Audio;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;

namespace WarningHub.Server.Audio;

/// <summary>
/// The engine's loudspeaker bulletins, made by the audio module. Audio knows nothing of the engine, so the bridge
/// lives in the host. Shard jobs of loudspeaker channels and the village broadcaster's audio.wav link both ask here,
/// so every terminal and every broadcaster plays the same clip (made once, then cached by the audio module).
/// </summary>
internal sealed class AudioBulletinSource(IWarningAudio audio, IWarningStore warnings) : IBulletinSource
{
    /// <summary>The county's loudspeakers speak Mandarin.</summary>
    public const string Language = "zh-CN";

    public async Task<Bulletin> BulletinAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        // When speech is unavailable the clip is alert tones only; the text still goes to terminals that speak for themselves.
        var bulletin = await AboutItselfAsync(warning, cancellationToken) is { } alert
            ? await audio.GetAsync(warning.PublicId, alert, warning.CapStatus, Language, cancellationToken)
            : await audio.GetAsync(warning, Language, cancellationToken);
        return new Bulletin(bulletin.Clip, bulletin.Text);
    }

    public TimeSpan EstimateLength(WarningRecord warning)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var alert = StoredCap.Read(warning.CapXml).Alert
            ?? throw new ArgumentException($"Warning {warning.PublicId}: its stored CAP XML cannot be read.", nameof(warning));
        return audio.EstimateLength(alert, warning.CapStatus != CapStatus.Actual ? warning.CapStatus : alert.Status, Language);
    }

    /// <summary>
    /// A Cancel (or Update) without an info block says nothing to speak; its bulletin speaks of the warning it refers
    /// to, with its own message type, so the Cancel script of the broadcast templates (解除) is chosen.
    /// </summary>
    private async Task<CapAlert?> AboutItselfAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        if (warning.MsgType is not (CapMsgType.Cancel or CapMsgType.Update) || warning.References.Count == 0) return null;
        var own = StoredCap.Read(warning.CapXml).Alert;
        if (own is null || own.Infos.Count > 0) return null;
        var earlier = await warnings.GetAsync(warning.References[0], cancellationToken);
        var earlierAlert = earlier is null ? null : StoredCap.Read(earlier.CapXml).Alert;
        return earlierAlert is null ? null : earlierAlert with { MsgType = warning.MsgType, Identifier = own.Identifier, Sent = own.Sent };
    }
}
