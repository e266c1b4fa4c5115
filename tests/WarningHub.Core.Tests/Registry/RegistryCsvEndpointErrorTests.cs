using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

/// <summary>Each kind of bad endpoint row is named with file, line, field and reason, and the file imports nothing.</summary>
public sealed class RegistryCsvEndpointErrorTests
{
    private const string TerminalsHeader = "id,village_code,channel,address,is_test\n";
    private const string SubscribersHeader = "openid,village_code,household_id,is_test\n";
    private const string OfficersHeader = "id,name,phone,region_code,role\n";
    private static readonly CountyRegistry Tiny = TinyCounty.Build();

    [Fact]
    public void ReadTerminals_BadRows_ImportNothingAndNameEveryError()
    {
        var text = TerminalsHeader +
                   "t1,511124100201,loudspeakerIp,rtp://10.1.2.3:5004,false\n" +         // line 2: good
                   "t2,511124999201,loudspeakerIp,rtp://10.1.2.4:5004,false\n" +         // line 3: unknown village
                   "t3,511124100000,loudspeakerIp,rtp://10.1.2.5:5004,false\n" +         // line 4: a town, not a village
                   "t4,511124100201,loudspeaker,rtp://10.1.2.6:5004,false\n" +           // line 5: unknown channel
                   "t5,511124100201,loudspeakerIp,serial:tts1#2,false\n" +               // line 6: serial address on the IP channel
                   "t6,511124100201,loudspeakerSerial,serial:tts1#300/2,false\n" +       // line 7: slave out of range
                   "t7,511124100201,loudspeakerIp,rtp://10.1.2.7,false\n" +              // line 8: no port
                   "t1,511124100202,loudspeakerIp,rtp://10.1.2.8:5004,maybe\n" +         // line 9: duplicate id, bad flag
                   ",511124100201,loudspeakerIp,,false\n";                               // line 10: empty id and address

        var result = RegistryCsv.ReadTerminals(new StringReader(text), Tiny);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "terminals.csv line 3, field village_code: 511124999201 is not a region of the registry",
                "terminals.csv line 4, field village_code: 511124100000 is a town (示例镇), not a village",
                "terminals.csv line 5, field channel: 'loudspeaker' is not a terminal channel (expected loudspeakerIp or loudspeakerSerial)",
                "terminals.csv line 6, field address: 'serial:tts1#2' has a scheme 'serial' that IP loudspeakers do not serve (rtp, rtp-multicast, http or https)",
                "terminals.csv line 7, field address: 'serial:tts1#300/2' has a Modbus slave outside 1-247",
                "terminals.csv line 8, field address: 'rtp://10.1.2.7' needs an explicit port for RTP",
                "terminals.csv line 9, field is_test: 'maybe' is not true or false",
                "terminals.csv line 9, field id: terminal id 't1' is already used on line 2",
                "terminals.csv line 10, field id: is empty",
                "terminals.csv line 10, field address: is empty",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadSubscribers_AnAccountTheHubDoesNotConfigure_IsABadRowNamedByLine_AndNothingIsImported()
    {
        var text = "openid,village_code,household_id,is_test,account\n" +
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,1,false,city\n" +   // line 2: good
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz2,511124100201,,false,\n" +        // line 3: good, the default account
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz3,511124100201,,false,town\n" +    // line 4: no such account
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz4,511124100201,,false,ci ty\n" +   // line 5: not a name
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,,false,County\n";   // line 6: the same openid, another account: fine

        var result = RegistryCsv.ReadSubscribers(new StringReader(text), Tiny, accounts: ["city", "county"]);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "subscribers.csv line 4, field account: names WeChat account 'town', which is not configured (the hub has city, county)",
                "subscribers.csv line 5, field account: is not an account name (1 to 32 letters, digits, '-' or '_')",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void ReadSubscribers_Accounts_AreKeptInTheConfiguredSpelling_AndNameTheSlotAddress()
    {
        var text = "openid,village_code,household_id,is_test,account\n" +
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,1,false,City\n" +
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,,false,\n";

        var rows = RegistryCsv.ReadSubscribers(new StringReader(text), Tiny, accounts: ["city", "county"]).GetRowsOrThrow();

        Assert.Equal(["city:oAbCdEfGhIjKlMnOpQrStUvWxYz1", "oAbCdEfGhIjKlMnOpQrStUvWxYz1"], rows.Select(r => r.Address));
        var written = new StringWriter();
        RegistryCsv.WriteSubscribers(written, rows);
        Assert.Equal(rows, RegistryCsv.ReadSubscribers(new StringReader(written.ToString()), Tiny, accounts: ["city"]).GetRowsOrThrow());
    }

    [Fact]
    public void ReadSubscribers_BadRows_AreNamedWithoutRepeatingTheOpenId()
    {
        var text = SubscribersHeader +
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,1,false\n" +   // line 2: good
                   "oBad!openid,511124100201,,false\n" +                     // line 3: bad characters
                   "13800138000,511124100201,,false\n" +                     // line 4: a phone in the openid column
                   "oUnknownVillage,511124999201,,false\n" +                 // line 5: unknown village
                   "oNoSuchHousehold,511124100201,99,false\n" +              // line 6: household not in the registry
                   "oOtherVillage,511124100201,2,false\n" +                  // line 7: household 2 is in 511124001001
                   "oAbCdEfGhIjKlMnOpQrStUvWxYz1,511124100201,4,true\n";     // line 8: duplicate openid

        var result = RegistryCsv.ReadSubscribers(new StringReader(text), Tiny);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "subscribers.csv line 3, field openid: is not an openid (1 to 64 letters, digits, '-' or '_')",
                "subscribers.csv line 4, field openid: is all digits: a phone number, not an openid",
                "subscribers.csv line 5, field village_code: 511124999201 is not a region of the registry",
                "subscribers.csv line 6, field household_id: household 99 is not in the registry",
                "subscribers.csv line 7, field household_id: household 2 is in village 511124001001, not 511124100201",
                "subscribers.csv line 8, field openid: the same openid is already on line 2",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain(result.Errors, e => e.Reason.Contains("oAbCdE", StringComparison.Ordinal) || e.Reason.Contains("0013", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadOfficers_BadRows_AreNamedWithoutRepeatingThePhone()
    {
        var text = OfficersHeader +
                   "1,张书记,13800138001,511124100201,village_cadre\n" +   // line 2: good
                   "2,李镇长,1380013800,511124100000,town_officer\n" +     // line 3: short phone
                   "3,王广播,,511124100201,broadcaster\n" +               // line 4: empty phone
                   "4,赵干部,13800138004,511124999201,village_cadre\n" +   // line 5: region not in the registry
                   "5,钱干部,13800138005,511124100201,mayor\n" +           // line 6: unknown role
                   "6,孙广播,13800138006,511124100000,broadcaster\n" +     // line 7: a broadcaster filed under a town
                   "7,周镇长,13800138007,511124100201,Town_Officer\n" +    // line 8: a town officer filed under a village
                   "1,,13800138008,511124100201,village_cadre\n";          // line 9: duplicate id, empty name

        var result = RegistryCsv.ReadOfficers(new StringReader(text), Tiny);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "officers.csv line 3, field phone: has 10 digits, expected 11",
                "officers.csv line 4, field phone: is empty",
                "officers.csv line 5, field region_code: 511124999201 is not a region of the registry",
                "officers.csv line 6, field role: 'mayor' is not a role (expected village_cadre, town_officer, broadcaster or county_officer)",
                "officers.csv line 7, field region_code: a broadcaster answers for a village, but 511124100000 is a town (示例镇)",
                "officers.csv line 8, field region_code: a town_officer answers for a town, but 511124100201 is a village (一村)",
                "officers.csv line 9, field name: is empty",
                "officers.csv line 9, field id: officer id 1 is already used on line 2",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.DoesNotContain(result.Errors, e => e.Reason.Contains("138001380", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadEndpoints_BadRowsInTwoFiles_ListsBothAndReturnsNothing()
    {
        using var folder = new TempFolder();
        folder.Write(RegistryCsv.TerminalsFileName, TerminalsHeader + "t1,511124100201,loudspeakerSerial,rtp://10.1.2.3:5004,false\n");
        folder.Write(RegistryCsv.OfficersFileName, OfficersHeader + "1,张书记,13800138001,511124100201,cadre\n");
        folder.Write(RegistryCsv.SubscribersFileName, SubscribersHeader + "oGood,511124100201,,false\n");

        var error = Assert.Throws<RegistryImportException>(() => RegistryCsv.LoadEndpoints(folder.Path, Tiny));

        Assert.Equal(2, error.TotalErrorCount);
        Assert.Equal(
            [
                "terminals.csv line 2, field address: 'rtp://10.1.2.3:5004' does not start with 'serial:' (serial:<port> or serial:<port>#<slave>/<coil>)",
                "officers.csv line 2, field role: 'cadre' is not a role (expected village_cadre, town_officer, broadcaster or county_officer)",
            ],
            error.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("", "terminals.csv line 1: the file is empty; a header line naming id,village_code,channel,address,is_test is required")]
    [InlineData("id,village_code,address,is_test\n", "terminals.csv line 1, field channel: header: column is missing (the header line must name id,village_code,channel,address,is_test)")]
    public void ReadTerminals_WithoutAProperHeader_Fails(string text, string expected)
    {
        var result = RegistryCsv.ReadTerminals(new StringReader(text), Tiny);

        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }
}
