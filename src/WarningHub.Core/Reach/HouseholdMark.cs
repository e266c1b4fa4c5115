namespace WarningHub.Core.Reach;

/// <summary>What a village cadre found at a household's door (入户核查). Marks are appended, never overwritten.</summary>
public enum HouseholdMarkKind
{
    /// <summary>已当面通知: told in person.</summary>
    ToldInPerson = 1,

    /// <summary>已电话通知: told by phone.</summary>
    ToldByPhone = 2,

    /// <summary>已转移: evacuated.</summary>
    Evacuated = 3,

    /// <summary>外出无人: nobody home; the household still needs a visit.</summary>
    NobodyHome = 4,

    /// <summary>拒绝转移: told, but refuses to move.</summary>
    RefusesToMove = 5,
}

/// <summary>One mark by one officer on one household of one warning.</summary>
/// <param name="OfficerId">The officer whose signed link made the mark.</param>
/// <param name="OfficerName">Their name when they marked, kept with the mark (the registry may change later).</param>
public sealed record HouseholdMark(long WarningId, long VillageCode, long HouseholdId, HouseholdMarkKind Kind, long OfficerId, string OfficerName,
    DateTimeOffset At);

/// <summary>Names and meanings of the marks.</summary>
public static class HouseholdMarkKinds
{
    public static IReadOnlyList<HouseholdMarkKind> All { get; } =
        [HouseholdMarkKind.ToldInPerson, HouseholdMarkKind.ToldByPhone, HouseholdMarkKind.Evacuated, HouseholdMarkKind.NobodyHome, HouseholdMarkKind.RefusesToMove];

    /// <summary>The label a cadre taps.</summary>
    public static string Chinese(HouseholdMarkKind kind) => kind switch
    {
        HouseholdMarkKind.ToldInPerson => "已当面通知",
        HouseholdMarkKind.ToldByPhone => "已电话通知",
        HouseholdMarkKind.Evacuated => "已转移",
        HouseholdMarkKind.NobodyHome => "外出无人",
        HouseholdMarkKind.RefusesToMove => "拒绝转移",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mark"),
    };

    /// <summary>The name in JSON, CSV and forms.</summary>
    public static string Name(HouseholdMarkKind kind) => kind switch
    {
        HouseholdMarkKind.ToldInPerson => "toldInPerson",
        HouseholdMarkKind.ToldByPhone => "toldByPhone",
        HouseholdMarkKind.Evacuated => "evacuated",
        HouseholdMarkKind.NobodyHome => "nobodyHome",
        HouseholdMarkKind.RefusesToMove => "refusesToMove",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mark"),
    };

    public static bool TryParse(string? text, out HouseholdMarkKind kind)
    {
        kind = All.FirstOrDefault(k => Name(k).Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase) || Chinese(k) == text?.Trim());
        return kind != default;
    }

    /// <summary>
    /// Evidence that the household was warned: someone told them, moved them, or spoke to them and heard a refusal.
    /// Nobody at home is not: the household stays on the list.
    /// </summary>
    public static bool Reaches(HouseholdMarkKind kind) => kind is not HouseholdMarkKind.NobodyHome;
}

/// <summary>The marks of a warning, appended by officers and read by reach.</summary>
public interface IHouseholdMarks
{
    /// <summary>Appends a mark durably; it is never changed or removed.</summary>
    Task RecordAsync(HouseholdMark mark, CancellationToken cancellationToken);

    /// <summary>Every mark of a warning, oldest first; of one village when <paramref name="villageCode"/> is given.</summary>
    Task<IReadOnlyList<HouseholdMark>> OfWarningAsync(long warningId, long? villageCode, CancellationToken cancellationToken);
}
