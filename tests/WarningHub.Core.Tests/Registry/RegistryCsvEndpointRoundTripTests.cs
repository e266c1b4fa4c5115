using WarningHub.Core.Planning;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class RegistryCsvEndpointRoundTripTests
{
    private static readonly CountyRegistry Tiny = TinyCounty.Build();

    [Fact]
    public void SaveThenLoad_GeneratedEndpoints_GiveEqualRows()
    {
        var registry = SampleCounty.Generate(3_000);
        var original = EndpointGenerator.Generate(registry,
            (_, i) => i < 0 ? "http://10.0.255.1:8080/speaker?clip=upload" : $"rtp://10.0.{i / 250}.{i % 250 + 1}:5004",
            (_, i) => $"serial:tts1#1/{i / 4}", seed: 3);
        using var folder = new TempFolder();

        RegistryCsv.SaveEndpoints(folder.Path, original);
        var loaded = RegistryCsv.LoadEndpoints(folder.Path, registry);

        Assert.Empty(original.Problems(registry));
        Assert.True(original.Terminals.Count > registry.Villages.Count && original.Subscribers.Count > 100 && original.Officers.Count > registry.Villages.Count,
            "the generator made endpoints of every kind");
        Assert.Equal(original.Terminals, loaded.Terminals);
        Assert.Equal(original.Subscribers, loaded.Subscribers);
        Assert.Equal(original.Officers, loaded.Officers);
        Assert.Equal(original.Responsibilities, loaded.Responsibilities);
        Assert.Contains(loaded.Subscribers!, s => s.HouseholdId is null && s.IsTest);
        // Regression: 22-character openids were refused by the simulated WeChat API (40003), as WeChat would refuse them.
        Assert.All(original.Subscribers, s => Assert.Equal(28, s.OpenId.Length));
    }

    [Fact]
    public void Read_FilesWithByteOrderMarkAndCrLf_AreAccepted()
    {
        using var folder = new TempFolder();
        folder.Write(RegistryCsv.SubscribersFileName, "openid,village_code,household_id,is_test\r\noA1,511124100201,1,false\r\no-test,511124001001,,yes\r\n", byteOrderMark: true);
        folder.Write(RegistryCsv.OfficersFileName, "id,name,phone,region_code,role\r\n9,张书记,+86 138-0013-8001,511124100000,town_officer\r\n", byteOrderMark: true);

        var loaded = RegistryCsv.LoadEndpoints(folder.Path, Tiny);

        Assert.Equal([new Subscriber("oA1", TinyCounty.TownVillage, 1, false), new Subscriber("o-test", TinyCounty.SeatCommunity, null, true)], loaded.Subscribers);
        Assert.Equal([new Officer(9, "张书记", "13800138001", TinyCounty.Town, OfficerRole.TownOfficer)], loaded.Officers);
    }

    [Fact]
    public void Write_FieldsWithCommasAndQuotes_AreQuotedAndReadBack()
    {
        Terminal[] terminals =
        [
            new("村委会,东", TinyCounty.TownVillage, Channels.LoudspeakerIp, "http://10.1.2.3:8080/a,b", false),
            new("t-\"2\"", TinyCounty.TownVillage, Channels.LoudspeakerSerial, "serial:tts1#7", true),
        ];
        Officer[] officers = [new(1, "王,伟", "13800138001", TinyCounty.TownVillage, OfficerRole.Broadcaster), new(2, "李 \"小红\"", "13800138002", TinyCounty.Seat, OfficerRole.TownOfficer)];
        var terminalText = new StringWriter();
        var officerText = new StringWriter();

        RegistryCsv.WriteTerminals(terminalText, terminals);
        RegistryCsv.WriteOfficers(officerText, officers);

        Assert.Contains("\"村委会,东\",511124100201,loudspeakerIp,\"http://10.1.2.3:8080/a,b\",false\n", terminalText.ToString(), StringComparison.Ordinal);
        Assert.Contains("2,\"李 \"\"小红\"\"\",13800138002,511124001000,town_officer\n", officerText.ToString(), StringComparison.Ordinal);
        Assert.Equal(terminals, RegistryCsv.ReadTerminals(new StringReader(terminalText.ToString()), Tiny).GetRowsOrThrow());
        Assert.Equal(officers, RegistryCsv.ReadOfficers(new StringReader(officerText.ToString()), Tiny).GetRowsOrThrow());
    }

    [Fact]
    public void Read_ChannelAndRoleInAnyCase_AreStoredCanonically()
    {
        var terminals = RegistryCsv.ReadTerminals(new StringReader("ID,Village_Code,Channel,Address,Is_Test\n t1 ,511124100201, LOUDSPEAKERSERIAL ,serial:tts1,1\n"), Tiny).GetRowsOrThrow();

        Assert.Equal([new Terminal("t1", TinyCounty.TownVillage, Channels.LoudspeakerSerial, "serial:tts1", true)], terminals);
    }

    [Fact]
    public void LoadEndpoints_HeaderOnlyFile_GivesNoneOfThatKind_AbsentFilesGiveNull()
    {
        using var folder = new TempFolder();
        folder.Write(RegistryCsv.TerminalsFileName, "id,village_code,channel,address,is_test\n");

        var loaded = RegistryCsv.LoadEndpoints(folder.Path, Tiny);

        Assert.NotNull(loaded.Terminals);
        Assert.Empty(loaded.Terminals);
        Assert.Null(loaded.Subscribers);
        Assert.Null(loaded.Officers);
    }

    [Fact]
    public void ReplaceIn_ReplacesTheKindsReadAndKeepsTheOthers()
    {
        var stored = new CountyEndpoints(
            [new Terminal("old", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.1.2.3:5004", false)],
            [new Subscriber("oOld", TinyCounty.TownVillage, 1, false)],
            [new Officer(1, "张书记", "13800138001", TinyCounty.TownVillage, OfficerRole.VillageCadre)]);
        var read = new EndpointImport([], [new Subscriber("oNew", TinyCounty.SeatVillage, 5, false)], null);

        var after = read.ReplaceIn(stored, Tiny);

        Assert.Empty(after.Terminals);
        Assert.Equal("oNew", Assert.Single(after.Subscribers).OpenId);
        Assert.Equal(stored.Officers, after.Officers);
    }

    [Fact]
    public void ReplaceIn_KeptEndpointsThatNoLongerFitTheRegistry_AreRefused()
    {
        // The stored terminal and officer name a village the new registry does not have.
        var stored = new CountyEndpoints(
            [new Terminal("gone", "511124100299", Channels.LoudspeakerIp, "rtp://10.1.2.3:5004", false)],
            [],
            [new Officer(4, "张书记", "13800138001", "511124100299", OfficerRole.VillageCadre)]);
        var read = new EndpointImport(null, null, null);

        var error = Assert.Throws<RegistryValidationException>(() => read.ReplaceIn(stored, Tiny));

        Assert.Equal(
            [
                "kept from the database (its file is not in the folder): terminal gone: village 511124100299 is not a village of the registry",
                "kept from the database (its file is not in the folder): officer 4: region 511124100299 is not in the registry",
            ],
            error.Errors);
    }

    [Fact]
    public void ReplaceIn_StoredEndpointsThatAreReplaced_AreNotChecked()
    {
        var stored = new CountyEndpoints([new Terminal("gone", "511124100299", Channels.LoudspeakerIp, "rtp://10.1.2.3:5004", false)], [], []);
        var fresh = new Terminal("new", TinyCounty.TownVillage, Channels.LoudspeakerIp, "rtp://10.1.2.4:5004", false);

        var after = new EndpointImport([fresh], null, null).ReplaceIn(stored, Tiny);

        Assert.Equal([fresh], after.Terminals);
    }
}
