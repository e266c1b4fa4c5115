using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace WarningHub.Channels.TvCrawl;

/// <summary>
/// Makes the scrolling caption (滚动字幕) of a warning for one TV channel:
/// <c>【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号。山区人员立即转移…</c>.
/// The caption is one line and never longer than the channel allows. When it must be shortened, the instruction
/// goes first, then the headline, then the area; the 【event and level】 tag always stays.
/// Lengths count UTF-16 code units, which is the character count for Chinese text and never less than it
/// elsewhere, so a caption never exceeds a limit counted in characters; a surrogate pair is never cut.
/// </summary>
public static class CaptionComposer
{
    /// <summary>The shortest caption length a channel may be configured with.</summary>
    public const int MinLength = 20;

    /// <summary>Marks a shortened part.</summary>
    public const char Ellipsis = '…';

    private const string TerminalPunctuation = "。！？!?.；;";

    /// <summary>Opens the caption of an Exercise: a drill (演练) the hub sends to TV only inside an authorised drill.</summary>
    public const string DrillMark = "【演练】";

    /// <summary>
    /// The caption of <paramref name="content"/> within <paramref name="maxLength"/> characters, or false when the
    /// warning must not be shown on TV at all (its CAP status is Test, System, Draft or missing). An Exercise is shown
    /// opened by <see cref="DrillMark"/>: the hub plans TV for an Exercise only inside a drill an administrator
    /// authorised, when it reaches the area's real population.
    /// </summary>
    public static bool TryCompose(CaptionContent content, int maxLength, [NotNullWhen(true)] out string? caption)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, MinLength);
        caption = content.IsActual ? Compose(content, maxLength)
            : content.IsExercise ? DrillMark + Compose(content, maxLength - DrillMark.Length)
            : null;
        return caption is not null;
    }

    private static string Compose(CaptionContent content, int maxLength)
    {
        var tag = Cut("【" + Tag(content) + "】", maxLength);
        var area = OneLine(content.Area);
        var headline = OneLine(content.Headline);
        var instruction = OneLine(content.Instruction);
        var areaPart = area.Length > 0 ? area + "：" : "";
        var end = headline.Length > 0 && TerminalPunctuation.Contains(headline[^1], StringComparison.Ordinal) ? "" : "。";

        var head = tag + areaPart + headline;
        if (instruction.Length > 0)
        {
            var room = maxLength - head.Length - end.Length;
            // An instruction cut to a word or two says nothing; below four characters it is left out.
            if (room >= Math.Min(4, instruction.Length)) return head + end + Cut(instruction, room);
        }
        if (head.Length <= maxLength) return head;
        var left = maxLength - tag.Length - areaPart.Length;
        if (headline.Length > 0 && left >= 2) return tag + areaPart + Cut(headline, left);
        return tag + Cut(area, maxLength - tag.Length);
    }

    private static string Tag(CaptionContent content)
    {
        var name = OneLine(content.Event);
        if (name.EndsWith("预警", StringComparison.Ordinal)) name = name[..^2];
        return name + OneLine(content.Level) + "预警";
    }

    /// <summary>Whitespace runs (line breaks included) become one space, control characters go: a caption is one line.</summary>
    internal static string OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (char.IsControl(c)) continue;
            if (space) line.Append(' ');
            space = false;
            line.Append(c);
        }
        return line.ToString();
    }

    /// <summary>At most <paramref name="length"/> characters, the last one an ellipsis when something was cut.</summary>
    internal static string Cut(string text, int length)
    {
        if (text.Length <= length) return text;
        if (length <= 0) return "";
        var keep = length - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return string.Concat(text.AsSpan(0, keep), Ellipsis.ToString());
    }
}
