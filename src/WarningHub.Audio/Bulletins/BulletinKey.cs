using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Audio;

/// <summary>
/// Names a bulletin: warning id + language + a hash of everything that shapes its sound (script, level, repeats,
/// speech engine profile, levels). The name is the clip id and the file name in the cache folder, so a changed
/// script or setting is a new bulletin, never a stale one.
/// </summary>
internal static class BulletinKey
{
    /// <summary>Bumped when the mix itself changes (tones, layout), so old cached files are not reused.</summary>
    private const int MixVersion = 1;

    public static string ClipId(string warningId, BroadcastScript script, string speechProfile, AudioOptions options)
    {
        var shape = string.Join('\n',
            MixVersion.ToString(CultureInfo.InvariantCulture),
            warningId,
            script.Text,
            script.Level.ToString(),
            script.Repeats.ToString(CultureInfo.InvariantCulture),
            speechProfile,
            options.RepeatPause.Ticks.ToString(CultureInfo.InvariantCulture),
            options.TargetPeakDbfs.ToString("R", CultureInfo.InvariantCulture),
            options.ToneLevelDb.ToString("R", CultureInfo.InvariantCulture));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(shape)).AsSpan(0, 8));
        return $"{Safe(warningId)}.{Safe(script.Language)}.{hash}";
    }

    /// <summary>Letters, digits, '-' and '_' only: safe in URLs and file names on every system.</summary>
    private static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return safe.Length == 0 ? "_" : safe.ToString();
    }
}
