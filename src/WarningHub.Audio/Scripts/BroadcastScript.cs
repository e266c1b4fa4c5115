using WarningHub.Core.Cap;

namespace WarningHub.Audio;

/// <summary>What a loudspeaker bulletin says.</summary>
/// <param name="Language">The language of the CAP info it was made from (zh-CN, en-US).</param>
/// <param name="Level">The warning level: chooses the alert tone.</param>
/// <param name="Status">The CAP status; anything but Actual puts <paramref name="StatusNotice"/> first.</param>
/// <param name="StatusNotice">"这是演练，不是真实预警。" and the like; null for Actual.</param>
/// <param name="Text">One pass of the script, the status notice first: what a terminal with its own speech reads.</param>
/// <param name="Repeats">How many times the bulletin speaks <paramref name="Text"/>.</param>
public sealed record BroadcastScript(
    string Language, WarningLevel Level, CapStatus Status, string? StatusNotice, string Text, int Repeats)
{
    /// <summary>True for Test, Exercise, System and Draft messages.</summary>
    public bool IsNotActual => Status != CapStatus.Actual;

    /// <summary>Everything the bulletin says: <see cref="Text"/> <see cref="Repeats"/> times.</summary>
    public string FullText => string.Join(' ', Enumerable.Repeat(Text, Repeats));
}
