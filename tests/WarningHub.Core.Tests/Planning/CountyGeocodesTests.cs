using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Tests.Cap;
using WarningHub.Core.Tests.Registry;

namespace WarningHub.Core.Tests.Planning;

public class CountyGeocodesTests
{
    private static IReadOnlyList<CapProblem> Check(params CapNamedValue[] geocodes) =>
        CountyGeocodes.Check(
            TestAlerts.Alert with { Infos = [TestAlerts.Info, TestAlerts.Info with { Areas = [TestAlerts.County with { Geocodes = geocodes }] }] },
            SampleCounty.LoadRegions());

    private static CapNamedValue Code(string value) => new(CapValueNames.DivisionCode, value);

    [Fact]
    public void Check_WhenEveryCodeIsTheCountyATownAVillageOrAnEnclosingRegion_FindsNothing()
    {
        Assert.Empty(Check(Code("511124000000"), Code("511124001000"), Code("511124001001"), Code("511124001"), Code("511100000000"), Code("51")));
    }

    [Theory]
    [InlineData("99999", "is not a division code")]
    [InlineData("51112400100A", "is not a division code")]
    [InlineData("", "is not a division code")]
    [InlineData("510100000000", "is outside 井研县 (511124000000)")]
    [InlineData("511123000000", "is outside")]
    [InlineData("511124999000", "is no town or village of the loaded registry")]
    [InlineData("511124001999", "is no town or village")]
    public void Check_WhenOneCodeIsBadBesideAGoodOne_NamesTheBadGeocode(string value, string reason)
    {
        var problem = Assert.Single(Check(Code("511124000000"), Code(value)));

        Assert.Equal("info[1].area[0].geocode[1]", problem.Path);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_IgnoresGeocodesOfOtherSchemes()
    {
        Assert.Empty(Check(Code("511124000000"), new CapNamedValue("SAME", "99999"), new CapNamedValue("EMMA_ID", "CN-51")));
    }

    [Fact]
    public void Check_WhenBilingualSampleIsChecked_FindsNothing()
    {
        var alert = CapXmlReader.Read(BilingualSample.Xml).EnsureValid();

        Assert.Empty(CountyGeocodes.Check(alert, SampleCounty.LoadRegions()));
    }
}
