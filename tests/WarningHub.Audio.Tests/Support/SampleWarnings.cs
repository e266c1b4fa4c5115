using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.Audio.Tests;

/// <summary>The synthetic sample warnings of config/samples, as the store would hold them.</summary>
internal static class SampleWarnings
{
    public static CapAlert Alert(string file) =>
        CapXmlReader.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file))).EnsureValid();

    public static CapAlert RedRainstorm => Alert("red-rainstorm.cap.xml");

    public static CapAlert ExerciseFlashFlood => Alert("test-exercise.cap.xml");

    public static WarningRecord Record(string file, string publicId)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", file));
        var alert = CapXmlReader.Read(xml).EnsureValid();
        return new WarningRecord
        {
            PublicId = publicId,
            Sender = alert.Sender,
            Identifier = alert.Identifier,
            Fingerprint = alert.ComputeFingerprint(),
            CapStatus = alert.Status,
            MsgType = alert.MsgType,
            Event = alert.Infos[0].Event,
            Level = WarningLevel.Red,
            Headline = alert.Infos[0].Headline ?? "",
            SubmittedBy = "test",
            CapXml = xml,
        };
    }

    /// <summary>The red rainstorm with a short instruction, so synthesis stays quick.</summary>
    public static CapAlert ShortRedRainstorm
    {
        get
        {
            var alert = RedRainstorm;
            return alert with { Infos = [.. alert.Infos.Select(i => i with { Instruction = i.Language == "zh-CN" ? "请立即转移。" : "Move to safety." })] };
        }
    }
}
