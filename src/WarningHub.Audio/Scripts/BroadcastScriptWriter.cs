using System.Text.RegularExpressions;
using WarningHub.Core.Cap;

namespace WarningHub.Audio;

/// <summary>Writes the script of a bulletin from a CAP alert, in the language asked for, from the broadcast templates.</summary>
public sealed partial class BroadcastScriptWriter
{
    private readonly BroadcastTemplates templates;
    private readonly int repeats;

    /// <summary>Uses <paramref name="templates"/> and <see cref="AudioOptions.Repeats"/>.</summary>
    public BroadcastScriptWriter(BroadcastTemplates templates, AudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(options);
        this.templates = templates;
        repeats = options.Repeats;
    }

    /// <summary>
    /// The script of <paramref name="alert"/> in <paramref name="language"/>: the info of that language (or the same
    /// primary language, or the first info), its level, and the status notice of <paramref name="status"/>, which
    /// the caller takes from the stored, structural status.
    /// </summary>
    public BroadcastScript Write(CapAlert alert, string language, CapStatus status)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(language);
        var info = InfoFor(alert, language);
        var level = WarningLevels.LevelOf(info);
        var set = templates.For(info.Language);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sender"] = Clean(info.SenderName) is { Length: > 0 } sender ? sender : set.SenderFallback,
            ["event"] = Clean(info.Event),
            ["level"] = set.LevelName(level),
            ["headline"] = Clean(info.Headline),
            ["area"] = string.Join(set.AreaSeparator, info.Areas.Select(a => Clean(a.AreaDesc)).Where(a => a.Length > 0)),
            ["instruction"] = Clean(info.Instruction),
            ["description"] = Clean(info.Description),
        };
        var body = Tidy(BroadcastTemplateSet.Fill(set.Bulletin(alert.MsgType, info.Event.Trim(), level), values));
        var notice = set.StatusNotice(status);
        var text = notice is null ? body : Tidy(notice + " " + body);
        return new BroadcastScript(info.Language, level, status, notice, text, repeats);
    }

    /// <summary>The info of <paramref name="language"/>, else of its primary language, else the first.</summary>
    public static CapInfo InfoFor(CapAlert alert, string language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var primary = BroadcastTemplates.PrimaryOf(language);
        return alert.Infos.FirstOrDefault(i => i.Language.Equals(language, StringComparison.OrdinalIgnoreCase))
            ?? alert.Infos.FirstOrDefault(i => BroadcastTemplates.PrimaryOf(i.Language).Equals(primary, StringComparison.OrdinalIgnoreCase))
            ?? (alert.Infos.Count > 0 ? alert.Infos[0] : null)
            ?? throw new ArgumentException($"The alert '{alert.Identifier}' has no info block to broadcast.", nameof(alert));
    }

    private static string Clean(string? text) => Whitespace().Replace(text ?? string.Empty, " ").Trim();

    /// <summary>Drops what empty placeholders leave behind: "。。", "。 ." and sentence marks at the start.</summary>
    private static string Tidy(string text)
    {
        var tidy = EmptySentence().Replace(Whitespace().Replace(text, " "), "$1");
        return tidy.TrimStart('。', '.', ' ', '，', ',').Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([。！？!?.；;])(?:\s*[。.])+")]
    private static partial Regex EmptySentence();
}
