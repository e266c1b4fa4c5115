using System.Globalization;
using WarningHub.Core.Cap;

namespace WarningHub.Cli.Demo;

/// <summary>The sample red rainstorm warning, made live: sent now, effective now, expiring in twelve hours.</summary>
internal static class SampleWarning
{
    public static string Live(string path, DateTimeOffset now)
    {
        var alert = CapXmlReader.Read(File.ReadAllText(path)).EnsureValid();
        var beijing = CapTime.ToCapPrecision(now.ToOffset(TimeSpan.FromHours(8)));
        var live = alert with
        {
            Identifier = alert.Identifier + "-DEMO-" + beijing.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            Sent = beijing,
            Infos = alert.Infos.Select(i => i with { Effective = beijing, Onset = beijing, Expires = beijing.AddHours(12) }).ToList(),
        };
        return CapXmlWriter.ToXml(live);
    }
}
