using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>Why no channel reached a person yet. Several may hold at once.</summary>
[Flags]
public enum UnreachedReasons
{
    None = 0,

    /// <summary>无手机: the person has no phone of their own in the registry.</summary>
    NoPhone = 1,

    /// <summary>短信失败: the SMS failed (gateway or receipt).</summary>
    SmsFailed = 2,

    /// <summary>短信待回执: the SMS is still on its way or waiting for its receipt.</summary>
    SmsPending = 4,

    /// <summary>短信未确认: sent, but no receipt came in time.</summary>
    SmsUnconfirmed = 8,

    /// <summary>短信未发出: the warning ended before the SMS was sent, or no SMS was planned for the phone.</summary>
    SmsNotSent = 16,

    /// <summary>无微信: no WeChat follower is bound to the household.</summary>
    NoWeChat = 32,

    /// <summary>微信未送达: the household's followers got nothing delivered (failed or still pending).</summary>
    WeChatNotDelivered = 64,
}

/// <summary>Names of the reasons for JSON, CSV and the cadre's page.</summary>
public static class UnreachedReasonNames
{
    private static readonly (UnreachedReasons Reason, string Name, string Chinese)[] Table =
    [
        (UnreachedReasons.NoPhone, "noPhone", "无手机"),
        (UnreachedReasons.SmsFailed, "smsFailed", "短信失败"),
        (UnreachedReasons.SmsPending, "smsPending", "短信待回执"),
        (UnreachedReasons.SmsUnconfirmed, "smsUnconfirmed", "短信未确认"),
        (UnreachedReasons.SmsNotSent, "smsNotSent", "短信未发出"),
        (UnreachedReasons.NoWeChat, "noWeChat", "无微信"),
        (UnreachedReasons.WeChatNotDelivered, "weChatNotDelivered", "微信未送达"),
    ];

    public static IReadOnlyList<string> Names(UnreachedReasons reasons) => [.. Table.Where(t => reasons.HasFlag(t.Reason)).Select(t => t.Name)];

    public static string Chinese(UnreachedReasons reasons) => string.Join("、", Table.Where(t => reasons.HasFlag(t.Reason)).Select(t => t.Chinese));
}

/// <summary>A person no channel reached yet.</summary>
public sealed record UnreachedPerson(long Id, string Name, string? Phone, UnreachedReasons Reasons);

/// <summary>
/// A household with persons no channel reached yet: who to ask for (the head, 户主), where, which number to try, and
/// the marks officers left so far (外出无人 keeps a household on the list).
/// </summary>
public sealed record UnreachedHousehold(long Id, string VillageCode, string VillageName, string Head, string Address, string? Phone,
    IReadOnlyList<UnreachedPerson> Persons, IReadOnlyList<HouseholdMark> Marks);

/// <summary>Households and persons to visit, village by village.</summary>
public static class UnreachedListBuilder
{
    /// <param name="villageCode">One village; null for every village of the warning.</param>
    /// <param name="households">Only these households (a 包户干部's own); null for all.</param>
    public static IReadOnlyList<UnreachedHousehold> Build(ReachEvidence evidence, string? villageCode, Func<Household, bool>? households = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var index = evidence.Index;
        var registry = index.Registry;
        var officer = OfficerEvidence.Of(evidence.Marks, registry);
        var marksOf = evidence.Marks.ToLookup(m => m.HouseholdId);
        var villages = villageCode is null ? registry.Villages : registry.FindRegion(villageCode) is { Level: RegionLevel.Village } v ? [v] : [];
        var result = new List<UnreachedHousehold>();
        foreach (var village in villages)
        {
            var open = new Dictionary<int, List<UnreachedPerson>>();
            var order = new List<int>();
            var firstPhone = new Dictionary<int, string>();
            foreach (var i in registry.PersonsInVillage(village.Code).Indexes)
            {
                var h = index.HouseholdOf[i];
                if (registry.Persons[i].Phone is { } any) firstPhone.TryAdd(h, any);
                if (!evidence.Selected[i]) continue;
                if (h >= 0 && households is not null && !households(registry.Households[h])) continue;
                var o = index.SmsOrdinal[i];
                var sms = evidence.Sms.Of(o);
                if (sms == SlotEvidence.Delivered) continue;
                if (h >= 0 && (HouseholdReachBuilder.WeChatDeliveredAt(evidence, h) != long.MaxValue || officer.ReachedAt(h) != long.MaxValue)) continue;
                var person = registry.Persons[i];
                var reasons = SmsReason(person, sms);
                if (h >= 0) reasons |= index.HasFollower(h) ? UnreachedReasons.WeChatNotDelivered : UnreachedReasons.NoWeChat;
                if (!open.TryGetValue(h, out var list))
                {
                    open[h] = list = [];
                    order.Add(h);
                }
                list.Add(new UnreachedPerson(person.Id, person.Name, person.Phone, reasons));
            }
            foreach (var h in order)
            {
                var persons = open[h];
                if (h < 0)
                {
                    result.Add(new UnreachedHousehold(0, village.Code, village.Name, persons[0].Name, "", persons[0].Phone, persons, []));
                    continue;
                }
                var household = registry.Households[h];
                var head = index.HeadOf[h] >= 0 ? registry.Persons[index.HeadOf[h]] : null;
                result.Add(new UnreachedHousehold(household.Id, village.Code, village.Name, head?.Name ?? persons[0].Name, household.Address,
                    head?.Phone ?? firstPhone.GetValueOrDefault(h), persons, [.. marksOf[household.Id]]));
            }
        }
        return result;
    }

    /// <summary>The ordinals of a village's targeted persons and households in the SMS and WeChat books: what a village's list needs to read.</summary>
    public static (List<int> Sms, List<int> WeChat) OrdinalsOf(PersonIndex index, bool[] selected, string villageCode)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(selected);
        var sms = new List<int>();
        var weChat = new List<int>();
        var registry = index.Registry;
        var seen = new HashSet<int>();
        foreach (var i in registry.PersonsInVillage(villageCode).Indexes)
        {
            if (!selected[i]) continue;
            if (index.SmsOrdinal[i] >= 0) sms.Add(index.SmsOrdinal[i]);
            var h = index.HouseholdOf[i];
            if (h < 0 || !seen.Add(h)) continue;
            for (var k = index.WeChatStart[h]; k < index.WeChatStart[h + 1]; k++)
            {
                if (index.WeChatOrdinals[k] >= 0) weChat.Add(index.WeChatOrdinals[k]);
            }
        }
        return (sms, weChat);
    }

    private static UnreachedReasons SmsReason(Person person, SlotEvidence sms) => person.Phone is null ? UnreachedReasons.NoPhone : sms switch
    {
        SlotEvidence.Failed => UnreachedReasons.SmsFailed,
        SlotEvidence.Pending => UnreachedReasons.SmsPending,
        SlotEvidence.Unconfirmed => UnreachedReasons.SmsUnconfirmed,
        _ => UnreachedReasons.SmsNotSent,
    };
}
