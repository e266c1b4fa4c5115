using WarningHub.Core.Cap;

namespace WarningHub.FaultBattery;

/// <summary>The sample red rainstorm warning, made live: a three-part SMS, so a broken link can leave fragments.</summary>
internal static class BatteryWarning
{
    public const string File = "red-rainstorm.cap.xml";

    public static CapAlert Sample() => CapXmlReader.Read(System.IO.File.ReadAllText(BatteryFiles.Sample(File))).EnsureValid();

    public static string Live(DateTimeOffset now)
    {
        var alert = Sample();
        var beijing = CapTime.ToCapPrecision(now.ToOffset(TimeSpan.FromHours(8)));
        return CapXmlWriter.ToXml(alert with
        {
            Identifier = "fault-battery-" + Guid.NewGuid().ToString("N"),
            Sent = beijing,
            Infos = alert.Infos.Select(i => i with { Effective = beijing, Onset = beijing, Expires = beijing.AddHours(6) }).ToList(),
        });
    }
}
