using WarningHub.Core.Registry;

namespace WarningHub.Engine.Sending.Routing;

/// <summary>
/// Which operator a mobile number belongs to, by its prefix (号段): 移动, 联通, 电信 and 广电 by default (the registry's
/// segment lists, and 192 for China Broadnet), each replaceable in settings. Prefixes may be longer than three digits;
/// the longest that matches wins.
/// </summary>
public sealed class NumberRanges
{
    /// <summary>The operators' names as settings and status use them.</summary>
    public const string Mobile = "移动", Unicom = "联通", Telecom = "电信", Broadnet = "广电";

    /// <summary>Every operator name routing understands.</summary>
    public static IReadOnlyList<string> Names { get; } = [Mobile, Unicom, Telecom, Broadnet];

    private readonly Dictionary<string, string> _byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longest;

    /// <param name="overrides">Prefix lists per operator name, each replacing that operator's built-in list.</param>
    public NumberRanges(IReadOnlyDictionary<string, List<string>>? overrides = null)
    {
        var lists = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
        {
            [Mobile] = MobileOperators.ChinaMobilePrefixes.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [Unicom] = MobileOperators.ChinaUnicomPrefixes.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [Telecom] = MobileOperators.ChinaTelecomPrefixes.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            [Broadnet] = ["192"],
        };
        foreach (var (name, prefixes) in overrides ?? new Dictionary<string, List<string>>()) lists[name] = prefixes;
        foreach (var (name, prefixes) in lists)
        {
            foreach (var prefix in prefixes)
            {
                _byPrefix[prefix] = name;
                _longest = Math.Max(_longest, prefix.Length);
            }
        }
        _lookup = _byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Errors in a settings override: unknown operator names, prefixes that are not 1–11 digits, a prefix given to two operators.</summary>
    public static IEnumerable<string> Problems(IReadOnlyDictionary<string, List<string>> overrides, string path)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, prefixes) in overrides)
        {
            if (!Names.Contains(name, StringComparer.Ordinal))
            {
                yield return $"{path}:{name}: unknown operator; routing knows {string.Join(", ", Names)}.";
                continue;
            }
            for (var i = 0; i < prefixes.Count; i++)
            {
                var prefix = prefixes[i];
                if (prefix.Length is < 1 or > PhoneNumber.Length || !prefix.All(char.IsAsciiDigit))
                    yield return $"{path}:{name}:{i}: '{prefix}' is no number prefix (1 to 11 digits).";
                else if (!owner.TryAdd(prefix, name) && owner[prefix] != name)
                    yield return $"{path}:{name}:{i}: prefix {prefix} is already {owner[prefix]}'s.";
            }
        }
    }

    /// <summary>The operator of a mobile number ("+86 138…" accepted), or null when no range matches or it is no mobile number.</summary>
    public string? OperatorOf(string? address)
    {
        if (!PhoneNumber.TryNormalize(address, out var number)) return null;
        for (var length = Math.Min(_longest, number.Length); length > 0; length--)
        {
            if (_lookup.TryGetValue(number.AsSpan(0, length), out var name)) return name;
        }
        return null;
    }
}
