namespace WarningHub.Core.Registry;

/// <summary>The network a mobile number is routed to, by its three-digit prefix (号段).</summary>
public enum MobileOperator
{
    ChinaMobile,   // 中国移动
    ChinaUnicom,   // 中国联通
    ChinaTelecom,  // 中国电信
    Unknown,       // unlisted segment, virtual operator (170/171), China Broadnet (192), or not a mobile number
}

/// <summary>Prefix lists per operator and the lookup from a number to its operator.</summary>
public static class MobileOperators
{
    /// <summary>China Mobile prefixes (DOMAIN.md list plus the 5G segments 195 and 197).</summary>
    public static IReadOnlyList<int> ChinaMobilePrefixes { get; } =
        [134, 135, 136, 137, 138, 139, 147, 150, 151, 152, 157, 158, 159, 178, 182, 183, 184, 187, 188, 195, 197, 198];

    /// <summary>China Unicom prefixes (DOMAIN.md list plus the 5G segment 196).</summary>
    public static IReadOnlyList<int> ChinaUnicomPrefixes { get; } =
        [130, 131, 132, 155, 156, 166, 175, 176, 185, 186, 196];

    /// <summary>China Telecom prefixes (DOMAIN.md list plus the 5G segments 190 and 193).</summary>
    public static IReadOnlyList<int> ChinaTelecomPrefixes { get; } =
        [133, 149, 153, 173, 177, 180, 181, 189, 190, 191, 193, 199];

    // Index: prefix - 100. Built once; lookups are a bounds check and an array read.
    private static readonly MobileOperator[] ByPrefix = BuildTable();

    /// <summary>
    /// The operator of a mobile number. Accepts anything <see cref="PhoneNumber.TryNormalize(string?, out string?)"/>
    /// accepts ("+86 138-0013-8000"); anything else is <see cref="MobileOperator.Unknown"/>.
    /// </summary>
    public static MobileOperator OperatorOf(string? phone)
    {
        if (!PhoneNumber.TryNormalize(phone, out var normalized))
        {
            return MobileOperator.Unknown;
        }

        var prefix = ((normalized[0] - '0') * 100) + ((normalized[1] - '0') * 10) + (normalized[2] - '0');
        return ByPrefix[prefix - 100];
    }

    /// <summary>The prefix list of one operator.</summary>
    public static IReadOnlyList<int> PrefixesOf(MobileOperator mobileOperator) => mobileOperator switch
    {
        MobileOperator.ChinaMobile => ChinaMobilePrefixes,
        MobileOperator.ChinaUnicom => ChinaUnicomPrefixes,
        MobileOperator.ChinaTelecom => ChinaTelecomPrefixes,
        _ => [],
    };

    private static MobileOperator[] BuildTable()
    {
        var table = new MobileOperator[100];
        Array.Fill(table, MobileOperator.Unknown);
        foreach (var op in (MobileOperator[])[MobileOperator.ChinaMobile, MobileOperator.ChinaUnicom, MobileOperator.ChinaTelecom])
        {
            foreach (var prefix in PrefixesOf(op))
            {
                table[prefix - 100] = op;
            }
        }

        return table;
    }
}
