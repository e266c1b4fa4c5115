using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using WarningHub.Core.Reach;

namespace WarningHub.Server.Api;

/// <summary>
/// The unreached list as a table, one row per person, for the spreadsheets towns and villages keep: CSV (UTF-8 with a
/// byte-order mark, so that spreadsheet programs read the Chinese) or an .xlsx workbook. Times in Beijing time.
/// </summary>
public static class UnreachedExport
{
    public static readonly string[] Columns =
        ["村代码", "村", "户编号", "户主", "地址", "联系电话", "人员编号", "姓名", "手机", "未到原因", "最近标记", "标记人", "标记时间"];

    public static IEnumerable<string?[]> Rows(IReadOnlyList<UnreachedHousehold> households)
    {
        ArgumentNullException.ThrowIfNull(households);
        foreach (var h in households)
        {
            var last = h.Marks.Count > 0 ? h.Marks[^1] : null;
            foreach (var p in h.Persons)
            {
                yield return
                [
                    h.VillageCode, h.VillageName, h.Id.ToString(CultureInfo.InvariantCulture), h.Head, h.Address, h.Phone,
                    p.Id.ToString(CultureInfo.InvariantCulture), p.Name, p.Phone, UnreachedReasonNames.Chinese(p.Reasons),
                    last is null ? null : HouseholdMarkKinds.Chinese(last.Kind), last?.OfficerName,
                    last?.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                ];
            }
        }
    }

    public static byte[] Csv(IReadOnlyList<UnreachedHousehold> households)
    {
        var text = new StringBuilder();
        Line(text, Columns);
        foreach (var row in Rows(households)) Line(text, row);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IReadOnlyList<UnreachedHousehold> households, string sheetName = "未到人员")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(Columns));
            foreach (var row in Rows(households)) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(string?[] values)
    {
        var row = new Row();
        // Inline strings throughout: codes and phone numbers stay text (no leading zeros lost, no 1.39E+10).
        foreach (var v in values) row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v ?? "")) });
        return row;
    }

    private static void Line(StringBuilder text, string?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0) text.Append(',');
            var v = values[i] ?? "";
            if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0) text.Append('"').Append(v.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else text.Append(v);
        }
        text.Append("\r\n");
    }
}
