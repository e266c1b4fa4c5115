using System.Globalization;
using WarningHub.Channels.WeChat.Results;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.Results;

/// <summary>The README's errcode tables and the code's tables say the same thing.</summary>
public class ErrorTableReadmeTests
{
    private static readonly Lazy<string> Readme = new(() =>
        File.ReadAllText(Repository.PathOf("channel-adapters", "WarningHub.Channels.WeChat", "README.md")));

    public static TheoryData<string, int, string> Rows()
    {
        var rows = new TheoryData<string, int, string>();
        foreach (var (code, entry) in OfficialAccountErrorTable.Rows)
        {
            rows.Add("official-account", code, entry.Class.ToString());
        }

        foreach (var (code, entry) in WeComErrorTable.Rows)
        {
            rows.Add("wecom", code, entry.Class.ToString());
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void EveryErrcodeInTheCode_HasTheSameClassInTheReadme(string table, int errcode, string errorClass)
    {
        var marker = $"<!-- {table} -->";
        var start = Readme.Value.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no {marker} table");
        var section = Readme.Value[start..];
        section = section[..(section.IndexOf("\n\n", StringComparison.Ordinal) is var end and > 0 ? end : section.Length)];

        var row = $"| {errcode.ToString(CultureInfo.InvariantCulture)} |";
        var line = section.Split('\n').FirstOrDefault(l => l.StartsWith(row, StringComparison.Ordinal));
        Assert.True(line is not null, $"README's {table} table has no row for {errcode}");
        Assert.Contains($"| {errorClass} |", line, StringComparison.Ordinal);
    }
}
