using System.Text.Json;
using System.Text.Json.Nodes;

namespace WarningHub.Cli.Demo;

/// <summary>
/// The demo's loudspeaker script: who warns of what, and where, without the instructions. RTP streams play in real
/// time, and the sample's full script spoken twice lasts about a minute and a half; this one lasts a few seconds, so the
/// demo ends soon after the SMS. Everything else in the template file (levels, the Test/Exercise notices) is the
/// shipped one.
/// </summary>
internal static class DemoBulletin
{
    /// <summary>The county's loudspeakers speak Mandarin, as the hub's bulletin source asks for.</summary>
    public const string Language = "zh-CN";

    public const string Script = "请注意！{sender}发布{event}{level}预警。{area}。";

    /// <summary>Writes the shipped zh-CN template with the short script into <paramref name="folder"/>/templates; returns that folder.</summary>
    public static string WriteTemplates(string folder)
    {
        var templates = Directory.CreateDirectory(Path.Combine(folder, "templates")).FullName;
        const string file = "broadcast.zh-CN.json";
        var shipped = JsonNode.Parse(File.ReadAllText(Path.Combine(ConfigFolder.Locate(), "templates", file)))!.AsObject();
        var bulletins = new JsonObject { ["*"] = Script };
        // Updates and cancels keep their shipped scripts: they say something else, not something longer.
        foreach (var (key, value) in shipped["bulletins"]!.AsObject().Where(b => b.Key.Contains(':', StringComparison.Ordinal)))
        {
            bulletins[key] = value?.DeepClone();
        }
        shipped["bulletins"] = bulletins;
        File.WriteAllText(Path.Combine(templates, file), shipped.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return templates;
    }

    /// <summary>What the audio module made: spoken by <paramref name="Engine"/> unless <paramref name="SpeechProblem"/> says why not.</summary>
    public sealed record Made(string Engine, string? SpeechProblem, TimeSpan Length, string Text)
    {
        public bool Spoken => SpeechProblem is null;
    }
}
