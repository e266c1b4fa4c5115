using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WarningHub.EndToEnd.Tests.Cli;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>`warninghub unreached` exports the list; `warninghub reach` shows 到村/到户/到人 in 80 columns.</summary>
public sealed class UnreachedCommandTests(DoorToDoorHub fixture) : IClassFixture<DoorToDoorHub>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private static Dictionary<string, string?> Key => new() { ["WARNINGHUB_API_KEY"] = TestHub.ApiKey };

    [Fact]
    public async Task Unreached_WithOutXlsx_WritesTheVillagesListAsAWorkbook_AndAnOtherExtensionIsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-unreached-");
        try
        {
            var file = Path.Combine(folder.FullName, "visit.xlsx");
            var url = fixture.Hub.Http.BaseAddress!.ToString();

            var written = await CliProcess.RunAsync(folder.FullName, Key, Timeout, "unreached", fixture.Warning, "--village", fixture.Village, "--out", file, "--url", url);
            var refused = await CliProcess.RunAsync(folder.FullName, Key, Timeout, "unreached", fixture.Warning, "--out", Path.Combine(folder.FullName, "visit.pdf"), "--url", url);
            var badVillage = await CliProcess.RunAsync(folder.FullName, Key, Timeout, "unreached", fixture.Warning, "--village", "123", "--url", url);

            Assert.True(written.ExitCode == 0, written.ToString());
            var persons = (await fixture.UnreachedAsync()).GetProperty("persons").GetInt32();
            using (var document = SpreadsheetDocument.Open(file, false))
            {
                Assert.Equal(persons + 1, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
            }
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains(".xlsx or .csv", refused.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "visit.pdf")));
            Assert.Equal(1, badVillage.ExitCode);
            Assert.Contains("village", badVillage.Error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unreached_Printed_ListsEachHouseholdWithItsHead()
    {
        var list = await fixture.UnreachedAsync();
        var head = list.GetProperty("items")[0].GetProperty("head").GetString()!;

        var printed = await CliProcess.RunAsync(Path.GetTempPath(), Key, Timeout, "unreached", fixture.Warning, "--village", fixture.Village,
            "--url", fixture.Hub.Http.BaseAddress!.ToString());

        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Contains($"{list.GetProperty("households").GetInt32().ToString("N0", CultureInfo.InvariantCulture)} households", printed.Text, StringComparison.Ordinal);
        Assert.Contains(head, printed.Output, StringComparison.Ordinal);
        Assert.All(printed.Output.Split('\n'), line => Assert.True(Columns(line) <= 80, $"{Columns(line)} columns: {line}"));
    }

    [Fact]
    public async Task Reach_Printed_ShowsVillagesHouseholdsAndPersons_TheTownsSplitAndTimes_AndTheAcknowledgementLine_InEightyColumns()
    {
        var reach = await fixture.Hub.ReachAsync(fixture.Warning);
        var printed = await CliProcess.RunAsync(Path.GetTempPath(), Key, Timeout, "reach", fixture.Warning, "--url", fixture.Hub.Http.BaseAddress!.ToString());

        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Contains("到户", printed.Output, StringComparison.Ordinal);
        Assert.Contains("by own SMS", printed.Text, StringComparison.Ordinal);
        Assert.Contains("Time to reach 50%", printed.Text, StringComparison.Ordinal);
        var acks = reach.GetProperty("acknowledgements");
        Assert.Contains($"叫应 Officers 责任人: {acks.GetProperty("officers").GetInt32()}, {acks.GetProperty("answered").GetInt32()} answered, "
            + $"{acks.GetProperty("silent").GetInt32()} silent", printed.Text, StringComparison.Ordinal);
        Assert.Contains("Persons reached by evidence", printed.Text, StringComparison.Ordinal);
        // Each town's row of the split: its persons by own SMS, household and officer, and its time to 50 % (h:mm:ss or -).
        foreach (var town in reach.GetProperty("towns").EnumerateArray())
        {
            var p = town.GetProperty("persons");
            var p50 = town.GetProperty("timeToReachMs").GetProperty("p50");
            var time = p50.ValueKind == System.Text.Json.JsonValueKind.Number
                ? TimeSpan.FromMilliseconds(p50.GetInt64()).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "-";
            var cells = new[] { N(p, "bySms"), N(p, "byHousehold"), N(p, "byOfficer"), time };
            Assert.Contains(printed.Output.Split('\n'), line => line.Contains(town.GetProperty("name").GetString()!, StringComparison.Ordinal)
                && Cells(line).Skip(1).Take(4).SequenceEqual(cells));
        }
        Assert.All(printed.Output.Split('\n'), line => Assert.True(Columns(line) <= 80, $"{Columns(line)} columns: {line}"));
    }

    private static string N(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The cells of a table row, between its vertical bars.</summary>
    private static string[] Cells(string line) =>
        line.Split(['│', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Terminal columns a line takes: East Asian wide characters take two.</summary>
    private static int Columns(string line)
    {
        var columns = 0;
        foreach (var rune in line.TrimEnd('\r').EnumerateRunes())
        {
            var v = rune.Value;
            columns += v is >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
                or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 ? 2 : 1;
        }
        return columns;
    }
}
