using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class RegistryCsvErrorTests : IDisposable
{
    private const string PersonsHeader = "id,name,phone,household_id,village_code,latitude,longitude,is_test\n";
    private readonly string directory = Path.Combine(Path.GetTempPath(), "wh-registry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void ReadPersons_BadRows_ImportNothingAndListEveryError()
    {
        var text = PersonsHeader +
                   "1,甲,13800138000,1,511124001001,,,false\n" +     // line 2: good
                   "2,乙,1380013800,1,511124001001,,,false\n" +      // line 3: short phone
                   "x,丙,13800138002,1,511124001001,,,false\n" +     // line 4: bad id
                   "4,,13800138003,1,51112400100,,,maybe\n" +        // line 5: empty name, short code, bad flag
                   "5,戊,13800138004,1,511124001001,29.6,,false\n";  // line 6: latitude without longitude

        var result = RegistryCsv.ReadPersons(new StringReader(text));

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                "persons.csv line 3, field phone: has 10 digits, expected 11",
                "persons.csv line 4, field id: 'x' is not a positive whole number",
                "persons.csv line 5, field name: is empty",
                "persons.csv line 5, field village_code: '51112400100' is not a 12-digit division code",
                "persons.csv line 5, field is_test: 'maybe' is not true or false",
                "persons.csv line 6, field longitude: is empty but the other coordinate is given",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Equal(6, result.TotalErrorCount);
    }

    [Fact]
    public void ReadPersons_ErrorsNeverContainTheFullPhoneNumber()
    {
        var text = PersonsHeader + "1,甲,+1 138 0013 8000,1,511124001001,,,false\n";

        var error = Assert.Single(RegistryCsv.ReadPersons(new StringReader(text)).Errors);

        Assert.DoesNotContain("0013", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPersons_MultiLineQuotedName_CountsLinesForLaterErrors()
    {
        var text = PersonsHeader +
                   "1,\"张\n三\",13800138000,1,511124001001,,,false\n" +  // lines 2-3
                   "2,李四,13800138001,0,511124001001,,,false\n";        // line 4: household 0

        var error = Assert.Single(RegistryCsv.ReadPersons(new StringReader(text)).Errors);

        Assert.Equal(new CsvError("persons.csv", 4, "household_id", "'0' is not a positive whole number"), error);
    }

    [Fact]
    public void ReadHouseholds_WrongFieldCountAndBadQuoting_AreReportedPerLine()
    {
        var text = "id,village_code,address,latitude,longitude\n" +
                   "1,511124001001,地址\n" +                               // line 2: 3 fields
                   "2,511124001001,\"地址\"x,29.6,104.0\n" +                // line 3: text after closing quote
                   "3,511124001001,地\"址,29.6,104.0\n" +                  // line 4: bare quote
                   "4,511124001001,\"never closed,29.6,104.0\n";          // line 5: unterminated

        var errors = RegistryCsv.ReadHouseholds(new StringReader(text)).Errors.Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "households.csv line 2: has 3 fields, the header has 5",
                "households.csv line 3, field address: text follows a closing quote (a quote inside a field must be doubled)",
                "households.csv line 4, field address: a quote inside an unquoted field (quote the whole field and double the quote)",
                "households.csv line 5, field address: the quoted field opened on line 5 is never closed",
            ],
            errors);
    }

    [Theory]
    [InlineData("", "regions.csv line 1: the file is empty; a header line naming code,name,level,parent_code,latitude,longitude is required")]
    [InlineData("code,name,level,latitude,longitude\n", "regions.csv line 1, field parent_code: header: column is missing (the header line must name code,name,level,parent_code,latitude,longitude)")]
    [InlineData("511124000000,井研县,county,,29.65,104.06\n", "regions.csv line 1, field code: header: column is missing (the header line must name code,name,level,parent_code,latitude,longitude)")]
    public void ReadRegions_WithoutAProperHeader_Fails(string text, string expected)
    {
        var result = RegistryCsv.ReadRegions(new StringReader(text));

        Assert.Equal(expected, result.Errors[0].ToString());
    }

    [Fact]
    public void ReadRegions_UnknownLevelAndOutOfRangeLatitude_AreErrors()
    {
        var text = "code,name,level,parent_code,latitude,longitude\n511124000000,井研县,city,,95,104.06\n";

        var errors = RegistryCsv.ReadRegions(new StringReader(text)).Errors.Select(e => e.ToString());

        Assert.Equal(
            [
                "regions.csv line 2, field level: must be county, town or village",
                "regions.csv line 2, field latitude: 95 is outside ±90 degrees",
            ],
            errors);
    }

    [Fact]
    public void ReadPersons_InvalidUtf8_IsReportedNotGarbled()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "persons.csv");
        var bytes = System.Text.Encoding.UTF8.GetBytes(PersonsHeader + "1,").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(System.Text.Encoding.UTF8.GetBytes(",13800138000,1,511124001001,,,false\n")).ToArray();
        File.WriteAllBytes(path, bytes);

        var result = RegistryCsv.ReadPersons(path);

        Assert.Empty(result.Rows);
        Assert.Contains("not valid UTF-8", Assert.Single(result.Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPersons_InvalidUtf8AfterManyGoodRows_StillImportsNothing()
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "persons.csv");
        var good = string.Concat(Enumerable.Range(1, 5_000).Select(i => $"{i},甲,,1,511124001001,,,false\n"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(PersonsHeader + good + "5001,").Concat(new byte[] { 0xFF })
            .Concat(System.Text.Encoding.UTF8.GetBytes(",,1,511124001001,,,false\n")).ToArray();
        File.WriteAllBytes(path, bytes);

        var result = RegistryCsv.ReadPersons(path);

        Assert.Empty(result.Rows);
        Assert.Equal(1, result.TotalErrorCount);
        Assert.True(Assert.Single(result.Errors).Line > 1_000);
    }

    [Fact]
    public void LoadCounty_BadRowsInTwoFiles_ThrowsWithBothAndImportsNothing()
    {
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName), Path.Combine(directory, RegistryCsv.RegionsFileName));
        File.WriteAllText(Path.Combine(directory, RegistryCsv.HouseholdsFileName), "id,village_code,address,latitude,longitude\n1,511124001001,a,,\n-2,511124001001,b,,\n");
        File.WriteAllText(Path.Combine(directory, RegistryCsv.PersonsFileName), PersonsHeader + "1,甲,13800138000,1,511124001001,,,false\n2,乙,138,1,511124001001,,,false\n");

        var error = Assert.Throws<RegistryImportException>(() => RegistryCsv.LoadCounty(directory));

        Assert.Equal(2, error.TotalErrorCount);
        Assert.Equal(["households.csv", "persons.csv"], error.Errors.Select(e => e.File));
        Assert.Equal([3, 3], error.Errors.Select(e => e.Line));
    }

    [Fact]
    public void LoadCounty_ConsistencyProblemAcrossFiles_IsAValidationError()
    {
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName), Path.Combine(directory, RegistryCsv.RegionsFileName));
        File.WriteAllText(Path.Combine(directory, RegistryCsv.HouseholdsFileName), "id,village_code,address,latitude,longitude\n1,511124001001,a,,\n");
        File.WriteAllText(Path.Combine(directory, RegistryCsv.PersonsFileName), PersonsHeader + "1,甲,13800138000,2,511124001001,,,false\n");

        var error = Assert.Throws<RegistryValidationException>(() => RegistryCsv.LoadCounty(directory));

        Assert.Equal("persons row 1 (id 1): household 2 does not exist", Assert.Single(error.Errors));
    }

    [Fact]
    public void LoadCounty_PersonsWithoutHouseholds_IsRefused()
    {
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(SampleCounty.Folder, RegistryCsv.RegionsFileName), Path.Combine(directory, RegistryCsv.RegionsFileName));
        File.WriteAllText(Path.Combine(directory, RegistryCsv.PersonsFileName), PersonsHeader);

        Assert.Throws<FileNotFoundException>(() => RegistryCsv.LoadCounty(directory));
    }
}
