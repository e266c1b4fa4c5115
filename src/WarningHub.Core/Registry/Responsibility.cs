using WarningHub.Core.Cap;

namespace WarningHub.Core.Registry;

/// <summary>
/// The step of the answering chain an officer stands on. Silence at one tier is reported to the next:
/// village (村) to town (镇/街道) to the county's duty officer (县值班).
/// </summary>
public enum ResponsibilityTier
{
    Village = 1,
    Town = 2,
    County = 3,
}

/// <summary>What a responsible officer must do when a warning of one of their levels targets their region.</summary>
[Flags]
public enum ResponsibilityDuties
{
    None = 0,

    /// <summary>叫应: answer the call that the warning was received.</summary>
    Acknowledge = 1,

    /// <summary>到户: go door to door to the households no channel reached.</summary>
    DoorToDoor = 2,

    Both = Acknowledge | DoorToDoor,
}

/// <summary>A set of warning levels, as a bit per level.</summary>
[Flags]
public enum WarningLevelSet
{
    None = 0,
    Red = 1 << WarningLevel.Red,
    Orange = 1 << WarningLevel.Orange,
    Yellow = 1 << WarningLevel.Yellow,
    Blue = 1 << WarningLevel.Blue,
    All = Red | Orange | Yellow | Blue,
}

/// <summary>
/// Who answers for what (责任人): officer <paramref name="OfficerId"/> answers for region
/// <paramref name="RegionCode"/> on tier <paramref name="Tier"/> when a warning of one of
/// <paramref name="Levels"/> targets it. The tier is not below the region's level: a village tier answers for a
/// village only, a town tier for a town or one of its villages (包村干部), the county tier for any region.
/// </summary>
public sealed record Responsibility(string RegionCode, long OfficerId, ResponsibilityTier Tier, WarningLevelSet Levels, ResponsibilityDuties Duties)
{
    /// <summary>True when a warning of this level calls on this responsibility.</summary>
    public bool AppliesTo(WarningLevel level) => Levels.Includes(level);

    /// <summary>True when the officer must answer the call (叫应).</summary>
    public bool Acknowledges => Duties.HasFlag(ResponsibilityDuties.Acknowledge);

    /// <summary>True when the officer goes door to door (到户).</summary>
    public bool GoesDoorToDoor => Duties.HasFlag(ResponsibilityDuties.DoorToDoor);
}

/// <summary>Names and sets of levels, duties and tiers as responsibilities.csv writes them.</summary>
public static class ResponsibilityNames
{
    private static readonly WarningLevel[] Levels = [WarningLevel.Blue, WarningLevel.Yellow, WarningLevel.Orange, WarningLevel.Red];

    public static bool Includes(this WarningLevelSet set, WarningLevel level) =>
        Enum.IsDefined(level) && (set & Of(level)) != 0;

    public static WarningLevelSet Of(WarningLevel level) => (WarningLevelSet)(1 << (int)level);

    /// <summary>"orange|red", least serious first; "none" for the empty set.</summary>
    public static string Name(WarningLevelSet set)
    {
        var names = Levels.Where(l => set.Includes(l)).Select(l => l.ToString().ToLowerInvariant()).ToList();
        return names.Count == 0 ? "none" : string.Join('|', names);
    }

    /// <summary>ack, door_to_door or both.</summary>
    public static string Name(ResponsibilityDuties duties) => duties switch
    {
        ResponsibilityDuties.Acknowledge => "ack",
        ResponsibilityDuties.DoorToDoor => "door_to_door",
        ResponsibilityDuties.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(duties), duties, "not a duty"),
    };

    /// <summary>Reads ack (叫应), door_to_door (到户, door) or both, any case.</summary>
    public static bool TryParseDuties(string? text, out ResponsibilityDuties duties)
    {
        duties = text?.Trim().ToUpperInvariant() switch
        {
            "ACK" or "叫应" or "ACKNOWLEDGE" => ResponsibilityDuties.Acknowledge,
            "DOOR_TO_DOOR" or "DOOR" or "到户" => ResponsibilityDuties.DoorToDoor,
            "BOTH" or "叫应+到户" => ResponsibilityDuties.Both,
            _ => ResponsibilityDuties.None,
        };
        return duties != ResponsibilityDuties.None;
    }

    /// <summary>
    /// Reads levels separated by '|', ';', '、' or blanks, each as <see cref="WarningLevels.TryParse"/> reads a
    /// level (red, 红色, I, 1), or "all". Gives the first word that is not a level in <paramref name="bad"/>.
    /// </summary>
    public static bool TryParseLevels(string? text, out WarningLevelSet set, out string? bad)
    {
        set = WarningLevelSet.None;
        bad = null;
        foreach (var word in (text ?? string.Empty).Split(['|', ';', '、', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                set |= WarningLevelSet.All;
            }
            else if (WarningLevels.TryParse(word, out var level))
            {
                set |= Of(level);
            }
            else
            {
                bad = word;
                return false;
            }
        }

        return set != WarningLevelSet.None;
    }

    /// <summary>True when an officer on <paramref name="tier"/> may answer for a region of <paramref name="level"/>.</summary>
    public static bool Fits(ResponsibilityTier tier, RegionLevel level) => (int)level >= 4 - (int)tier;
}
