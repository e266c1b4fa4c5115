using WarningHub.Core.Registry;

namespace WarningHub.Core.Reach;

/// <summary>
/// Who holds which address, as arrays over the registry's persons and households: the household of each person, the
/// SMS address of each person's phone and the WeChat followers bound to each household. Built once per registry,
/// endpoints and address books (the caller keeps it while they stay the same objects), so a reach report costs a
/// walk over arrays and no hashing.
/// </summary>
public sealed class PersonIndex
{
    private PersonIndex(CountyRegistry registry, CountyEndpoints endpoints, AddressBook sms, AddressBook weChat)
    {
        Registry = registry;
        Endpoints = endpoints;
        Sms = sms;
        WeChat = weChat;
        var persons = registry.Persons;
        var households = registry.Households;
        HouseholdOf = new int[persons.Count];
        SmsOrdinal = new int[persons.Count];
        HeadOf = new int[households.Count];
        Array.Fill(HeadOf, -1);
        for (var i = 0; i < persons.Count; i++)
        {
            var p = persons[i];
            var h = registry.HouseholdIndexOf(p.HouseholdId);
            HouseholdOf[i] = h;
            if (h >= 0 && HeadOf[h] < 0) HeadOf[h] = i;
            SmsOrdinal[i] = p.Phone is null || sms.Count == 0 ? -1 : sms.OrdinalOf(p.Phone);
        }
        // Followers bound to a household, as compressed rows: household h has WeChatOrdinals[WeChatStart[h]..WeChatStart[h+1]].
        var bound = endpoints.Subscribers
            .Select(s => (Household: s.HouseholdId is { } id ? registry.HouseholdIndexOf(id) : -1, Ordinal: weChat.Count == 0 ? -1 : weChat.OrdinalOf(s.Address)))
            .Where(x => x.Household >= 0)
            .OrderBy(x => x.Household)
            .ToList();
        WeChatStart = new int[households.Count + 1];
        WeChatOrdinals = new int[bound.Count];
        for (var k = 0; k < bound.Count; k++)
        {
            WeChatStart[bound[k].Household + 1]++;
            WeChatOrdinals[k] = bound[k].Ordinal;
        }
        for (var h = 0; h < households.Count; h++) WeChatStart[h + 1] += WeChatStart[h];
    }

    public CountyRegistry Registry { get; }

    public CountyEndpoints Endpoints { get; }

    public AddressBook Sms { get; }

    public AddressBook WeChat { get; }

    /// <summary>Per person: the index of their household in <see cref="CountyRegistry.Households"/>.</summary>
    public int[] HouseholdOf { get; }

    /// <summary>Per person: the ordinal of their phone in the SMS book, or -1 (no phone, or no slot for it).</summary>
    public int[] SmsOrdinal { get; }

    /// <summary>Per household: the first of its persons in the registry, taken as the household head (户主); -1 for none.</summary>
    public int[] HeadOf { get; }

    /// <summary>Row starts of <see cref="WeChatOrdinals"/> per household (one more than there are households).</summary>
    public int[] WeChatStart { get; }

    /// <summary>WeChat book ordinals of the followers bound to each household (-1: a follower with no slot).</summary>
    public int[] WeChatOrdinals { get; }

    public bool HasFollower(int household) => WeChatStart[household + 1] > WeChatStart[household];

    public bool Fits(CountyRegistry registry, CountyEndpoints endpoints, AddressBook sms, AddressBook weChat) =>
        ReferenceEquals(Registry, registry) && ReferenceEquals(Endpoints, endpoints) && ReferenceEquals(Sms, sms) && ReferenceEquals(WeChat, weChat);

    public static PersonIndex Build(CountyRegistry registry, CountyEndpoints endpoints, AddressBook sms, AddressBook weChat)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(sms);
        ArgumentNullException.ThrowIfNull(weChat);
        return new PersonIndex(registry, endpoints, sms, weChat);
    }
}
