using System.Globalization;
using System.Text.RegularExpressions;

namespace WarningHub.Core.Cap;

/// <summary>
/// CAP 1.2 date-times: <c>2026-07-15T02:30:00+08:00</c>. The offset is mandatory, UTC is written
/// <c>-00:00</c> and the letter <c>Z</c> is forbidden; the schema pattern allows whole seconds only.
/// </summary>
public static partial class CapTime
{
    /// <summary>Formats a time the CAP way, keeping its offset (UTC as <c>-00:00</c>).</summary>
    public static string Format(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero || offset == TimeSpan.Zero ? '-' : '+';
        var magnitude = offset.Duration();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{time:yyyy'-'MM'-'dd'T'HH':'mm':'ss}{sign}{magnitude.Hours:00}:{magnitude.Minutes:00}");
    }

    /// <summary>Drops the fraction of a second, which CAP cannot carry.</summary>
    public static DateTimeOffset ToCapPrecision(DateTimeOffset time) =>
        time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>
    /// Reads a CAP time. Returns false when the text is not a time at all. Returns true with a
    /// <paramref name="problem"/> when the time is readable but breaks CAP 1.2 (a <c>Z</c> designator,
    /// fractional seconds): the caller decides whether that is fatal.
    /// </summary>
    public static bool TryParse(string text, out DateTimeOffset time, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        time = default;
        problem = null;
        var match = Shape().Match(text);
        if (!match.Success)
        {
            problem = MissingOffset().IsMatch(text)
                ? $"'{CapText.Shorten(text)}' has no time-zone offset; CAP 1.2 requires one, e.g. 2026-07-15T02:30:00+08:00"
                : $"'{CapText.Shorten(text)}' is not a CAP date-time like 2026-07-15T02:30:00+08:00";
            return false;
        }

        var zone = match.Groups["zone"].Value;
        var canonical = match.Groups["local"].Value + match.Groups["fraction"].Value + (zone == "Z" ? "+00:00" : zone);
        if (!DateTimeOffset.TryParseExact(
                canonical,
                ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out time))
        {
            problem = $"'{CapText.Shorten(text)}' is not a valid date-time (day, month, hour or offset out of range)";
            return false;
        }

        if (zone == "Z")
        {
            problem = $"'{CapText.Shorten(text)}' uses 'Z'; CAP 1.2 forbids letter time-zone designators, write UTC as -00:00";
        }
        else if (match.Groups["fraction"].Success)
        {
            problem = $"'{CapText.Shorten(text)}' has fractional seconds; CAP 1.2 times carry whole seconds";
        }

        return true;
    }

    [GeneratedRegex(@"^(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?<fraction>\.[0-9]{1,7})?(?<zone>Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingOffset();
}
