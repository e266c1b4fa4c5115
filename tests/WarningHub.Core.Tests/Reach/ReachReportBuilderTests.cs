using WarningHub.Core.Planning;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Reach;

public sealed class ReachReportBuilderTests
{
    [Fact]
    public void Build_RollsVillagesUpToTownsAndCounty()
    {
        var registry = TinyCounty.Build();
        var townVillage = long.Parse(TinyCounty.TownVillage, System.Globalization.CultureInfo.InvariantCulture);
        var otherVillage = long.Parse(TinyCounty.OtherTownVillage, System.Globalization.CultureInfo.InvariantCulture);
        var seatVillage = long.Parse(TinyCounty.SeatVillage, System.Globalization.CultureInfo.InvariantCulture);
        VillageTarget[] targets = [new(townVillage, 10, 2), new(otherVillage, 5, 0), new(seatVillage, 4, 1)];
        VillageChannelCounts[] counts =
        [
            new(townVillage, "sms", Sent: 8, Delivered: 7, Failed: 1, Pending: 0),
            new(otherVillage, "sms", Sent: 3, Delivered: 3, Failed: 0, Pending: 2),
            new(seatVillage, "sms", Sent: 3, Delivered: 3, Failed: 0, Pending: 0),
        ];

        var report = ReachReportBuilder.Build("W1", targets, counts, registry);

        Assert.Equal(new ReachCounts(19, 3, 14, 13, 1, 2), report.County.Persons);
        var town = Assert.Single(report.Rows, r => r.Code == TinyCounty.Town);
        Assert.Equal(new ReachCounts(15, 2, 11, 10, 1, 2), town.Persons);
        Assert.Equal(5, town.Persons.Unreached);
        Assert.Equal(3, report.Rows.Count(r => r.Level == RegionLevel.Village));
        Assert.Equal(report.County.Persons, report.ByChannel["sms"][0].Persons);
    }
}
