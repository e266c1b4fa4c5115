using System.Globalization;
using WarningHub.Core.Cap;
using WarningHub.Core.Templates;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// The sample red rainstorm warning (config/samples/red-rainstorm.cap.xml) made live, with a short Chinese
/// instruction so that signature, headline and instruction fit one UCS-2 part: every slot is one submit_sm.
/// </summary>
internal static class BenchWarning
{
    public const string Sender = "jingyan.qxj@weather.example";

    /// <summary>The engine's default signature (EngineOptions.SmsSignature).</summary>
    public const string Signature = "【井研县应急管理局】";

    /// <summary>Characters of one UCS-2 part without a concatenation header.</summary>
    public const int Ucs2SinglePart = 70;

    private const string ShortInstruction = "低洼地带人员立即转移，远离河道，切勿涉水。";

    /// <summary>
    /// The CAP XML: sent and effective now, expiring in twelve hours, a unique identifier per run. A
    /// <see cref="CapStatus.Test"/> copy reaches the registered test recipients only (the warm-up).
    /// </summary>
    public static string Live(DateTimeOffset now, CapStatus status = CapStatus.Actual)
    {
        var alert = Sample();
        var beijing = CapTime.ToCapPrecision(now.ToOffset(TimeSpan.FromHours(8)));
        var live = alert with
        {
            Identifier = $"{alert.Identifier}-BENCH-{status}-{beijing.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}",
            Status = status,
            Sent = beijing,
            Infos = alert.Infos.Select(i => i with
            {
                Effective = beijing,
                Onset = beijing,
                Expires = beijing.AddHours(12),
                Instruction = i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? ShortInstruction : i.Instruction,
            }).ToList(),
        };
        return CapXmlWriter.ToXml(live);
    }

    /// <summary>The SMS text the engine composes from the warning (Chinese info block first).</summary>
    public static string SmsTextOf()
    {
        var alert = Sample();
        var info = alert.Infos.First(i => i.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        return SmsText.Compose(Signature, alert.Status, info.Headline ?? "", ShortInstruction);
    }

    /// <summary>UCS-2 parts of a Chinese text: 70 characters in one part, else 67 per concatenated part.</summary>
    public static int Ucs2Parts(string text) => text.Length <= Ucs2SinglePart ? 1 : (text.Length + 66) / 67;

    private static CapAlert Sample() => CapXmlReader.Read(File.ReadAllText(SampleCounty.Sample("red-rainstorm.cap.xml"))).EnsureValid();
}
