using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Reach;

/// <summary>
/// 到户到人 on the tiny county, every kind of evidence at once. Person 9 (二村) shares person 1's phone (一村): one SMS
/// slot, two persons reached, in two villages.
/// </summary>
public sealed class HouseholdReachBuilderTests
{
    private static readonly DateTimeOffset Released = new(2026, 7, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_CountsEveryPersonByTheirOwnEvidence_WithTheSplitHouseholdsVillagesAndTimes()
    {
        var report = HouseholdReachBuilder.Build(Evidence());

        var county = report.County;
        Assert.Equal(new PersonCounts(Targeted: 10, Reached: 6, BySms: 3, ByHousehold: 1, ByOfficer: 2, Evacuated: 2, Unaccounted: 4), county.Persons);
        Assert.Equal(new AreaCount(5, 4), county.Households);
        Assert.Equal(new AreaCount(4, 1), county.Villages);
        // Reached at 30 s (7 and 8 by WeChat, earlier than 7's own SMS), 60 s (1 and 9), 300 s (5) and 400 s (4): half of ten is the 5th.
        Assert.Equal(new ReachTimes(TimeSpan.FromSeconds(300), null, null), county.TimeToReach);

        var town = report.Find(TinyCounty.Town)!;
        Assert.Equal(new PersonCounts(6, 4, 2, 0, 2, 2, 2), town.Persons);
        Assert.Equal(TimeSpan.FromSeconds(300), town.TimeToReach.P50);
        var other = report.Find(TinyCounty.OtherTownVillage)!;
        Assert.Equal(2, other.Persons.Reached); // person 9 by the phone person 1 holds in another village, person 4 by the officer
        Assert.Equal(new AreaCount(1, 1), report.Find(TinyCounty.TownVillage)!.Villages);
        Assert.Equal(4 + 2 + 1, report.Rows.Count);
    }

    [Fact]
    public void Unreached_ListsHouseholdsWithTheirHeadPhoneAndWhyEachPersonWasMissed_AndKeepsNobodyHomeOnTheList()
    {
        var evidence = Evidence();

        var town = UnreachedListBuilder.Build(evidence, TinyCounty.TownVillage);
        var household = Assert.Single(town);
        Assert.Equal((1L, "居民1", "一村1组1号", "13800138001"), (household.Id, household.Head, household.Address, household.Phone));
        Assert.Equal([(3L, UnreachedReasons.NoPhone | UnreachedReasons.NoWeChat), (10L, UnreachedReasons.SmsNotSent | UnreachedReasons.NoWeChat)],
            household.Persons.Select(p => (p.Id, p.Reasons)));

        var community = Assert.Single(UnreachedListBuilder.Build(evidence, TinyCounty.SeatCommunity));
        Assert.All(community.Persons, p => Assert.Equal(UnreachedReasons.SmsPending | UnreachedReasons.NoWeChat, p.Reasons));
        Assert.Equal(HouseholdMarkKind.NobodyHome, Assert.Single(community.Marks).Kind);

        Assert.Equal(2, UnreachedListBuilder.Build(evidence, null).Count);
        Assert.Empty(UnreachedListBuilder.Build(evidence, TinyCounty.SeatVillage));
        Assert.Empty(UnreachedListBuilder.Build(evidence, TinyCounty.TownVillage, h => h.Id != 1));
    }

    [Fact]
    public void ChannelEvidence_OfSeveralRounds_KeepsTheBestAndTheFirstDelivery()
    {
        var evidence = new ChannelEvidence(AddressBook.Of(1, Channels.Sms, ["a", "b"]));

        evidence.Add(0, DeliveryStatus.Failed, 10);
        evidence.Add(0, DeliveryStatus.Delivered, 50);
        evidence.Add(0, DeliveryStatus.Delivered, 30);
        evidence.Add(1, DeliveryStatus.Sent, 10);
        evidence.Add(1, DeliveryStatus.Failed, 20);

        Assert.Equal((SlotEvidence.Delivered, 30L), (evidence.Of(0), evidence.DeliveredAtMs[0]));
        Assert.Equal(SlotEvidence.Pending, evidence.Of(1));
        Assert.Equal(SlotEvidence.None, evidence.Of(-1));
    }

    private static ReachEvidence Evidence()
    {
        var persons = TinyCounty.Persons().Select(p => p.Id == 9 ? p with { Phone = "13800138001" } : p).ToArray();
        var registry = new CountyRegistry(TinyCounty.Regions(), TinyCounty.Households(), persons);
        var endpoints = new CountyEndpoints([], [new Subscriber("oHousehold5", TinyCounty.SeatVillage, 5, false), new Subscriber("oNoHome", TinyCounty.SeatVillage, null, false)], []);
        // 13800138010 (person 10) has no slot: planned before the number was registered.
        var smsBook = AddressBook.Of(1, Channels.Sms, ["13800138001", "13000130002", "13300133004", "13800138005", "18900189007", "18900189008"]);
        var weChatBook = AddressBook.Of(1, Channels.WeChat, ["oHousehold5", "oNoHome"]);
        var sms = new ChannelEvidence(smsBook);
        sms.Add(smsBook.OrdinalOf("13800138001"), DeliveryStatus.Delivered, At(60));
        sms.Add(smsBook.OrdinalOf("13000130002"), DeliveryStatus.Sent, At(5));
        sms.Add(smsBook.OrdinalOf("13300133004"), DeliveryStatus.Cancelled, At(5));
        sms.Add(smsBook.OrdinalOf("13800138005"), DeliveryStatus.Failed, At(20));
        sms.Add(smsBook.OrdinalOf("18900189007"), DeliveryStatus.Failed, At(20));
        sms.Add(smsBook.OrdinalOf("18900189007"), DeliveryStatus.Delivered, At(120)); // a later round
        sms.Add(smsBook.OrdinalOf("18900189008"), DeliveryStatus.Failed, At(20));
        var weChat = new ChannelEvidence(weChatBook);
        weChat.Add(weChatBook.OrdinalOf("oHousehold5"), DeliveryStatus.Delivered, At(30));
        HouseholdMark[] marks =
        [
            Mark(4, TinyCounty.TownVillage, HouseholdMarkKind.ToldInPerson, 300),
            Mark(3, TinyCounty.OtherTownVillage, HouseholdMarkKind.Evacuated, 400),
            Mark(3, TinyCounty.OtherTownVillage, HouseholdMarkKind.NobodyHome, 500),
            Mark(2, TinyCounty.SeatCommunity, HouseholdMarkKind.NobodyHome, 200),
        ];
        var played = new Dictionary<long, DateTimeOffset> { [Code(TinyCounty.TownVillage)] = Released.AddSeconds(40) };
        var selected = Enumerable.Repeat(true, persons.Length).ToArray();
        return new ReachEvidence(PersonIndex.Build(registry, endpoints, smsBook, weChatBook), selected, sms, weChat, marks, played, Released);
    }

    private static HouseholdMark Mark(long household, string village, HouseholdMarkKind kind, int seconds) =>
        new(1, Code(village), household, kind, 7, "村干部", Released.AddSeconds(seconds));

    private static long At(int seconds) => Released.AddSeconds(seconds).ToUnixTimeMilliseconds();

    private static long Code(string code) => long.Parse(code, CultureInfo.InvariantCulture);
}
