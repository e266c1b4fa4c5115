using WarningHub.Core.Reach;

namespace WarningHub.Server.Api;

/// <summary>GET /api/v1/warnings/{id}/unreached: households and persons no channel reached yet.</summary>
/// <param name="Village">The village asked for; null for every village of the warning.</param>
public sealed record UnreachedResponse(string WarningId, string? Village, int Households, int Persons, IReadOnlyList<UnreachedHouseholdJson> Items);

/// <summary>One household to visit: head (户主), address, a phone to try, its unreached persons and the marks so far.</summary>
public sealed record UnreachedHouseholdJson(long Household, string Village, string VillageName, string Head, string Address, string? Phone,
    IReadOnlyList<UnreachedPersonJson> Persons, IReadOnlyList<HouseholdMarkJson> Marks)
{
    public static UnreachedHouseholdJson Of(UnreachedHousehold h)
    {
        ArgumentNullException.ThrowIfNull(h);
        return new(h.Id, h.VillageCode, h.VillageName, h.Head, h.Address, h.Phone,
            [.. h.Persons.Select(p => new UnreachedPersonJson(p.Id, p.Name, p.Phone, UnreachedReasonNames.Names(p.Reasons)))],
            [.. h.Marks.Select(HouseholdMarkJson.Of)]);
    }
}

/// <summary>A person to visit and why no channel reached them (noPhone, smsFailed, smsPending, smsUnconfirmed, smsNotSent, noWeChat, weChatNotDelivered).</summary>
public sealed record UnreachedPersonJson(long Id, string Name, string? Phone, IReadOnlyList<string> Reasons);

/// <summary>An officer's mark: which (toldInPerson, toldByPhone, evacuated, nobodyHome, refusesToMove), its label, who and when.</summary>
public sealed record HouseholdMarkJson(string Kind, string Label, long OfficerId, string Officer, DateTimeOffset At)
{
    public static HouseholdMarkJson Of(HouseholdMark m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(HouseholdMarkKinds.Name(m.Kind), HouseholdMarkKinds.Chinese(m.Kind), m.OfficerId, m.OfficerName, m.At);
    }
}
