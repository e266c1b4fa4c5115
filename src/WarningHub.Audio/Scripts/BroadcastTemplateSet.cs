using System.Text.RegularExpressions;
using WarningHub.Core.Cap;

namespace WarningHub.Audio;

/// <summary>The checked broadcast templates of one language.</summary>
public sealed partial class BroadcastTemplateSet
{
    /// <summary>The placeholders a bulletin template may use.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["sender", "event", "level", "headline", "area", "instruction", "description"];

    private static readonly CapStatus[] NotActual = [CapStatus.Exercise, CapStatus.Test, CapStatus.System, CapStatus.Draft];
    private static readonly WarningLevel[] AllLevels = [WarningLevel.Red, WarningLevel.Orange, WarningLevel.Yellow, WarningLevel.Blue];
    private readonly BroadcastTemplateFile file;

    private BroadcastTemplateSet(BroadcastTemplateFile file) => this.file = file;

    /// <summary>The RFC 3066 language of the templates.</summary>
    public string Language => file.Language;

    /// <summary>Joins several area descriptions.</summary>
    public string AreaSeparator => file.AreaSeparator;

    /// <summary>Spoken when the warning names no sender.</summary>
    public string SenderFallback => file.SenderFallback;

    /// <summary>The spoken colour of a level.</summary>
    public string LevelName(WarningLevel level) => file.Levels[level.ToString()];

    /// <summary>What is said first for a Test, Exercise, System or Draft message; null for Actual.</summary>
    public string? StatusNotice(CapStatus status) => status == CapStatus.Actual ? null : file.Status[status.ToString()];

    /// <summary>The template for a message type, event and level, looked up as config/templates/README.md describes.</summary>
    public string Bulletin(CapMsgType msgType, string eventName, WarningLevel level)
    {
        var prefixes = msgType is CapMsgType.Update or CapMsgType.Cancel ? new[] { msgType + ":", "" } : [""];
        foreach (var prefix in prefixes)
        {
            foreach (var key in new[] { $"{eventName}/{level}", eventName, $"*/{level}", "*" })
            {
                if (file.Bulletins.TryGetValue(prefix + key, out var template))
                {
                    return template;
                }
            }
        }

        return file.Bulletins["*"];
    }

    /// <summary>Checks a file's content; every problem is listed in the exception.</summary>
    internal static BroadcastTemplateSet Check(BroadcastTemplateFile file, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(file.Language))
        {
            problems.Add("language is required");
        }

        problems.AddRange(AllLevels.Where(l => !HasText(file.Levels, l.ToString())).Select(l => $"levels.{l} is required"));
        problems.AddRange(NotActual.Where(s => !HasText(file.Status, s.ToString())).Select(s => $"status.{s} is required"));
        problems.AddRange(file.Levels.Keys.Where(k => !AllLevels.Any(l => l.ToString() == k)).Select(k => $"levels.{k} is not a level"));
        problems.AddRange(file.Status.Keys.Where(k => !NotActual.Any(s => s.ToString() == k))
            .Select(k => $"status.{k} is not a non-Actual CAP status"));
        if (!HasText(file.Bulletins, "*"))
        {
            problems.Add("bulletins.* (the default) is required");
        }

        foreach (var (key, template) in file.Bulletins)
        {
            problems.AddRange(Placeholder().Matches(template)
                .Select(m => m.Groups[1].Value)
                .Where(name => !Placeholders.Contains(name))
                .Select(name => $"bulletins.{key} uses the unknown placeholder {{{name}}}"));
        }

        return problems.Count == 0
            ? new BroadcastTemplateSet(file)
            : throw new InvalidDataException($"Broadcast templates {source}: {string.Join("; ", problems)}.");
    }

    internal static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    private static bool HasText(Dictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();
}
