using System.Text.RegularExpressions;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

/// <summary>The example rows in the sample county's README are read by the real readers, so the documentation cannot drift.</summary>
public sealed class EndpointFormatReadmeTests
{
    [Fact]
    public void ReadmeExamples_ReadAsValidRowsOfTheSampleCounty()
    {
        var readme = File.ReadAllText(Path.Combine(SampleCounty.Folder, "README.md"));
        var blocks = Regex.Matches(readme, "```csv\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        var registry = SampleCounty.LoadRegions();

        Assert.Equal(4, blocks.Count);
        var terminal = Assert.Single(RegistryCsv.ReadTerminals(new StringReader(blocks[0]), registry).GetRowsOrThrow());
        var subscriber = Assert.Single(RegistryCsv.ReadSubscribers(new StringReader(blocks[1]), registry).GetRowsOrThrow());
        var officer = Assert.Single(RegistryCsv.ReadOfficers(new StringReader(blocks[2]), registry).GetRowsOrThrow());
        Assert.Equal("rtp://10.51.0.9:5004", terminal.Address);
        Assert.Null(subscriber.HouseholdId);
        Assert.Equal(new Officer(7, "张,书记", "13800138000", "511124101201", OfficerRole.VillageCadre), officer);
        var responsibility = Assert.Single(RegistryCsv.ReadResponsibilities(new StringReader(blocks[3]), registry, [officer]).GetRowsOrThrow());
        Assert.Equal(new Responsibility("511124101201", 7, ResponsibilityTier.Village, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Both), responsibility);
    }
}
