using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Audio;

/// <summary>
/// The loudspeaker bulletin of a warning: made once per warning, language and script, then served from memory
/// (and from <see cref="AudioOptions.CacheFolder"/> after a restart). The engine calls this per broadcast job and
/// puts <see cref="WarningBulletin.Clip"/> and <see cref="WarningBulletin.Text"/> into an <c>AudioMessage</c>.
/// </summary>
public interface IWarningAudio
{
    /// <summary>
    /// The bulletin of a stored warning in <paramref name="language"/> (zh-CN, en-US; the warning's first info when
    /// it has no such language). Test and Exercise are spoken as such from the stored <see cref="WarningRecord.CapStatus"/>.
    /// Never fails because speech failed: then the clip is tones only and <see cref="WarningBulletin.SpeechProblem"/> says why.
    /// </summary>
    Task<WarningBulletin> GetAsync(WarningRecord warning, string language, CancellationToken cancellationToken);

    /// <summary>The same for a warning given as its id, CAP alert and structural status.</summary>
    Task<WarningBulletin> GetAsync(string warningId, CapAlert alert, CapStatus status, string language, CancellationToken cancellationToken);

    /// <summary>
    /// How long the bulletin of <paramref name="alert"/> plays, estimated without making it: the alert tone before and
    /// after the speech, plus the script (its repeats included) read at <see cref="AudioOptions.Rate"/>, one Chinese
    /// character per word; tones only when no speech engine is configured.
    /// </summary>
    /// <param name="alert">The warning's CAP alert.</param>
    /// <param name="status">Its structural status (Test and Exercise are announced as such).</param>
    /// <param name="language">The bulletin's language (zh-CN).</param>
    TimeSpan EstimateLength(CapAlert alert, CapStatus status, string language);
}
