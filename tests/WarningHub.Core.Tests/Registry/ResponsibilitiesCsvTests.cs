using WarningHub.Core.Cap;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

/// <summary>responsibilities.csv and the households' cadre_id: read, written, every bad row named, nothing half imported.</summary>
public sealed class ResponsibilitiesCsvTests
{
    private const string Header = "region_code,officer_id,tier,levels,duty\n";
    private static readonly CountyRegistry Tiny = TinyCounty.Build();

    private static readonly Officer[] Officers =
    [
        new(1, "村干部", "13800138001", TinyCounty.TownVillage, OfficerRole.VillageCadre),
        new(2, "镇值班", "13800138002", TinyCounty.Town, OfficerRole.TownOfficer),
        new(3, "县值班", "13800138003", TinyCounty.County, OfficerRole.CountyOfficer),
    ];

    [Fact]
    public void Read_GoodRows_InAnyWordingTheReadmeAllows()
    {
        var text = Header +
                   "511124100201,1,1,orange|red,both\n" +
                   "511124100201,2,town,红色;橙色,ACK\n" +     // a town officer answering for one village (包村)
                   "511124100000,2,2,all,ack\n" +
                   "511124000000,3,3,red,叫应\n" +
                   "511124100202,1,1,blue yellow,door_to_door\n";

        var rows = RegistryCsv.ReadResponsibilities(new StringReader(text), Tiny, Officers).GetRowsOrThrow();

        Assert.Equal(
            [
                new Responsibility(TinyCounty.TownVillage, 1, ResponsibilityTier.Village, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Both),
                new Responsibility(TinyCounty.TownVillage, 2, ResponsibilityTier.Town, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
                new Responsibility(TinyCounty.Town, 2, ResponsibilityTier.Town, WarningLevelSet.All, ResponsibilityDuties.Acknowledge),
                new Responsibility(TinyCounty.County, 3, ResponsibilityTier.County, WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
                new Responsibility(TinyCounty.OtherTownVillage, 1, ResponsibilityTier.Village, WarningLevelSet.Blue | WarningLevelSet.Yellow, ResponsibilityDuties.DoorToDoor),
            ],
            rows);
        Assert.True(rows[0].AppliesTo(WarningLevel.Red) && rows[0].Acknowledges && rows[0].GoesDoorToDoor);
        Assert.False(rows[0].AppliesTo(WarningLevel.Yellow));
        Assert.False(rows[4].Acknowledges);
    }

    [Fact]
    public void Write_ThenRead_GivesTheSameRows()
    {
        Responsibility[] rows =
        [
            new(TinyCounty.TownVillage, 1, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both),
            new(TinyCounty.County, 3, ResponsibilityTier.County, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
        ];
        var text = new StringWriter();

        RegistryCsv.WriteResponsibilities(text, rows);

        Assert.Equal(Header + "511124100201,1,1,blue|yellow|orange|red,both\n511124000000,3,3,orange|red,ack\n", text.ToString());
        Assert.Equal(rows, RegistryCsv.ReadResponsibilities(new StringReader(text.ToString()), Tiny, Officers).GetRowsOrThrow());
    }

    [Fact]
    public void Read_BadRows_ImportNothingAndNameEveryLineAndColumn()
    {
        var text = Header +
                   "511124100201,1,1,red,both\n" +           // line 2: good
                   "511124999201,1,1,red,both\n" +           // line 3: region not in the registry
                   "511124100201,9,1,red,both\n" +           // line 4: officer not in officers.csv
                   "511124100000,1,1,red,both\n" +           // line 5: a village tier cannot answer for a town
                   "511124100201,2,4,red,both\n" +           // line 6: no tier 4
                   "511124100202,1,1,purple,both\n" +        // line 7: unknown level
                   "511124100202,2,2,red,sleep\n" +          // line 8: unknown duty
                   "511124100201,1,1,orange,ack\n" +         // line 9: officer 1 twice for one region
                   "5111241,,1,,\n";                         // line 10: bad code, empty id, levels and duty

        var result = RegistryCsv.ReadResponsibilities(new StringReader(text), Tiny, Officers);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "responsibilities.csv line 3, field region_code: 511124999201 is not a region of the registry",
                "responsibilities.csv line 4, field officer_id: officer 9 is not in officers.csv",
                "responsibilities.csv line 5, field tier: tier 1 (village) cannot answer for 511124100000, a town (示例镇)",
                "responsibilities.csv line 6, field tier: '4' is not a tier (expected 1 village, 2 town or 3 county)",
                "responsibilities.csv line 7, field levels: 'purple' is not a level (expected blue, yellow, orange, red or all, separated by |)",
                "responsibilities.csv line 8, field duty: 'sleep' is not a duty (expected ack, door_to_door or both)",
                "responsibilities.csv line 9, field officer_id: officer 1 already answers for 511124100201 on line 2",
                "responsibilities.csv line 10, field region_code: '5111241' is not a 12-digit division code",
                "responsibilities.csv line 10, field officer_id: is empty",
                "responsibilities.csv line 10, field levels: is empty",
                "responsibilities.csv line 10, field duty: is empty",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void LoadEndpoints_WithoutOfficersCsv_ChecksResponsibilitiesAgainstTheStoredOfficers()
    {
        using var folder = new TempFolder();
        folder.Write(RegistryCsv.ResponsibilitiesFileName, Header + "511124100201,1,1,red,both\n511124100000,7,2,red,ack\n");
        var stored = new CountyEndpoints([], [], Officers);

        var error = Assert.Throws<RegistryImportException>(() => RegistryCsv.LoadEndpoints(folder.Path, Tiny, stored));

        Assert.Equal(["responsibilities.csv line 3, field officer_id: officer 7 is not in officers.csv"], error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReplaceIn_NewOfficersWithoutAnOfficerThatKeptResponsibilitiesName_IsRefused()
    {
        var stored = new CountyEndpoints([], [], Officers, [new Responsibility(TinyCounty.Town, 2, ResponsibilityTier.Town, WarningLevelSet.Red, ResponsibilityDuties.Acknowledge)]);
        var read = new EndpointImport(null, null, [Officers[0]]);

        var error = Assert.Throws<RegistryValidationException>(() => read.ReplaceIn(stored, Tiny));

        Assert.Equal(
            ["kept from the database (its file is not in the folder): responsibility of officer 2 for 511124100000: officer 2 is not an officer"],
            error.Errors);
    }

    [Fact]
    public void Households_CadreIdColumn_IsOptionalAndRoundTrips()
    {
        var withColumn = "id,village_code,address,latitude,longitude,cadre_id\n1,511124100201,一村1组1号,,,1\n4,511124100201,一村1组2号,,,\n";
        var without = "id,village_code,address,latitude,longitude\n1,511124100201,一村1组1号,,\n";

        var rows = RegistryCsv.ReadHouseholds(new StringReader(withColumn)).GetRowsOrThrow();
        var old = RegistryCsv.ReadHouseholds(new StringReader(without)).GetRowsOrThrow();
        var written = new StringWriter();
        RegistryCsv.WriteHouseholds(written, rows);

        Assert.Equal([1L, null], rows.Select(h => h.CadreId));
        Assert.Null(Assert.Single(old).CadreId);
        Assert.Equal(withColumn, written.ToString());
    }

    [Fact]
    public void Households_BadCadreId_IsNamedWithLineAndColumn()
    {
        var text = "id,village_code,address,latitude,longitude,cadre_id\n1,511124100201,a,,,x1\n2,511124100201,b,,,0\n";

        var result = RegistryCsv.ReadHouseholds(new StringReader(text));

        Assert.Equal(
            [
                "households.csv line 2, field cadre_id: 'x1' is not a positive whole number",
                "households.csv line 3, field cadre_id: '0' is not a positive whole number",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void LoadEndpoints_HouseholdWhoseCadreIsNotAnOfficer_IsNamedWithItsLine()
    {
        using var folder = new TempFolder();
        var households = TinyCounty.Households().Select(h => h.Id == 3 ? h with { CadreId = 8 } : h with { CadreId = 1 }).ToList();
        var registry = new CountyRegistry(TinyCounty.Regions(), households, TinyCounty.Persons());
        RegistryCsv.SaveCounty(registry, folder.Path);
        folder.Write(RegistryCsv.OfficersFileName, "id,name,phone,region_code,role\n1,张书记,13800138001,511124100201,village_cadre\n");

        var error = Assert.Throws<RegistryImportException>(() => RegistryCsv.LoadEndpoints(folder.Path, RegistryCsv.LoadCounty(folder.Path)));

        Assert.Equal(["households.csv line 4, field cadre_id: officer 8 is not in officers.csv"], error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReplaceIn_NewOfficersWithoutAHouseholdsCadre_IsRefused()
    {
        var households = TinyCounty.Households().Select(h => h with { CadreId = 2 }).ToList();
        var registry = new CountyRegistry(TinyCounty.Regions(), households, TinyCounty.Persons());
        var read = new EndpointImport(null, null, [Officers[0]]);

        var error = Assert.Throws<RegistryValidationException>(() => read.ReplaceIn(CountyEndpoints.Empty, registry));

        Assert.Equal(5, error.TotalErrorCount);
        Assert.Equal("households.csv: household 1: cadre_id 2 is not an officer", error.Errors[0]);
    }

    [Fact]
    public void Generator_GivesEveryVillageAndTownResponsibleOfficers_AndACountyDutyOfficer()
    {
        var registry = SampleCounty.Generate(3_000);
        var endpoints = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.0.{(i + 1) / 250}.{(i + 1) % 250 + 1}:5004", (_, i) => $"serial:tts1#1/{i / 4}", seed: 3);

        var withCadres = EndpointGenerator.AssignCadres(registry, endpoints);

        Assert.Empty(endpoints.Problems(withCadres));
        Assert.All(registry.Villages, v => Assert.Contains(endpoints.ResponsibilitiesOf(v.Code), r => r.Tier == ResponsibilityTier.Village && r.Acknowledges));
        Assert.All(registry.Towns, t => Assert.Contains(endpoints.ResponsibilitiesOf(t.Code), r => r.Tier == ResponsibilityTier.Town && r.Acknowledges));
        var duty = Assert.Single(endpoints.ResponsibilitiesOf(registry.County.Code));
        Assert.Equal(OfficerRole.CountyOfficer, endpoints.FindOfficer(duty.OfficerId)!.Role);
        Assert.Equal(endpoints.Officers.Count, endpoints.Officers.Select(o => o.Phone).Distinct().Count());
        Assert.All(withCadres.Households, h => Assert.Equal(OfficerRole.VillageCadre, endpoints.FindOfficer(h.CadreId!.Value)!.Role));
        Assert.True(withCadres.Households.Select(h => h.CadreId).Distinct().Count() > registry.Villages.Count, "villages with two cadres deal their households out");
    }
}
