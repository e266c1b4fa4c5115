using System.Text;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class RegistryCsvRoundTripTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "wh-registry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void SaveThenLoad_GeneratedCounty_GivesEqualRows()
    {
        var original = SampleCounty.Generate(3_000);

        RegistryCsv.SaveCounty(original, directory);
        var loaded = RegistryCsv.LoadCounty(directory);

        Assert.Equal(original.Regions, loaded.Regions);
        Assert.Equal(original.Households, loaded.Households);
        Assert.Equal(original.Persons, loaded.Persons);
    }

    [Fact]
    public void SampleRegionsFile_RoundTripsByteForByte()
    {
        var path = Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName);
        var regions = RegistryCsv.ReadRegions(path).GetRowsOrThrow();
        var writer = new StringWriter();

        RegistryCsv.WriteRegions(writer, regions);

        Assert.Equal(File.ReadAllText(path), writer.ToString());
    }

    [Fact]
    public void SaveCounty_SampleRegions_ReproducesTheCommittedFile()
    {
        RegistryCsv.SaveCounty(SampleCounty.LoadRegions(), directory);

        Assert.Equal(
            File.ReadAllText(Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName)),
            File.ReadAllText(Path.Combine(directory, RegistryCsv.RegionsFileName)));
        Assert.Equal("id,village_code,address,latitude,longitude,cadre_id\n", File.ReadAllText(Path.Combine(directory, RegistryCsv.HouseholdsFileName)));
    }

    [Fact]
    public void Write_NamesWithCommasQuotesAndNewlines_AreQuotedAndReadBack()
    {
        Person[] persons =
        [
            new(1, "王,伟", "13800138000", 1, "511124001001", 29.6, 104.1, true),
            new(2, "李 \"小红\"", null, 1, "511124001001", null, null, false),
            new(3, "张\n三\r\n丰", "13000130000", 1, "511124001001", -0.000001, 179.999999, false),
        ];
        var writer = new StringWriter();

        RegistryCsv.WritePersons(writer, persons);
        var text = writer.ToString();
        var read = RegistryCsv.ReadPersons(new StringReader(text));

        Assert.Contains("1,\"王,伟\",13800138000,", text, StringComparison.Ordinal);
        Assert.Contains("2,\"李 \"\"小红\"\"\",,", text, StringComparison.Ordinal);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Equal(persons, read.Rows);
    }

    [Fact]
    public void Read_FileWithByteOrderMarkAndCrLf_IsAccepted()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "households.csv");
        var text = "id,village_code,address,latitude,longitude\r\n7,511124001001,\"东门社区1组1号\",29.65,104.06\r\n";
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var household = Assert.Single(RegistryCsv.ReadHouseholds(path).GetRowsOrThrow());

        Assert.Equal(new Household(7, "511124001001", "东门社区1组1号", 29.65, 104.06), household);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderAndCase_AreMappedByName()
    {
        var text = "Longitude,LATITUDE,address,village_code,id\n104.06,29.65,地址,511124001001,8\n";

        var household = Assert.Single(RegistryCsv.ReadHouseholds(new StringReader(text)).GetRowsOrThrow());

        Assert.Equal(new Household(8, "511124001001", "地址", 29.65, 104.06), household);
    }

    [Fact]
    public void Read_PhonesInLooseForms_AreNormalised()
    {
        var text = "id,name,phone,household_id,village_code,latitude,longitude,is_test\n" +
                   "1,甲,+86 138-0013-8000,1,511124001001,,,false\n" +
                   "2,乙,138 0013 8001,1,511124001001,,,TRUE\n" +
                   "3,丙,,1,511124001001,,,0\n";

        var persons = RegistryCsv.ReadPersons(new StringReader(text)).GetRowsOrThrow();

        Assert.Equal(["13800138000", "13800138001", null], persons.Select(p => p.Phone));
        Assert.Equal([false, true, false], persons.Select(p => p.IsTestRecipient));
    }

    [Fact]
    public void LoadCounty_RegionsOnlyDirectory_GivesEmptyPopulation()
    {
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName), Path.Combine(directory, RegistryCsv.RegionsFileName));

        var registry = RegistryCsv.LoadCounty(directory);

        Assert.Equal(119, registry.Villages.Count);
        Assert.Empty(registry.Persons);
    }
}
