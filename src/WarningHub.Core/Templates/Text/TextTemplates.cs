using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Templates.Text;

/// <summary>
/// The text each text channel sends for a warning (SMS, the village broadcaster's SMS, WeCom groups), chosen by
/// channel and CAP message type: the built-in <c>config/templates/text.zh-CN.json</c>, or a file of that name in an
/// operator's folder. Loaded and checked once; every problem of a file is listed at once.
/// </summary>
public sealed partial class TextTemplates
{
    public const string FileName = "text.zh-CN.json";

    /// <summary>
    /// The channel of the village cadres' door-to-door SMS (入户通知): officer notices, not a ledger channel. Each of
    /// its texts must carry <c>{link}</c>, the cadre's list; a file without it keeps the built-in texts of it.
    /// </summary>
    public const string DoorToDoor = "doorToDoor";

    /// <summary>The placeholders a text may use; <c>{status}</c> is the marker of a non-Actual warning.</summary>
    public static IReadOnlyList<string> Placeholders { get; } =
        ["signature", "status", "headline", "event", "level", "area", "instruction", "description", "sender", "effective", "expires", "link", "village"];

    /// <summary>Shortened, in this order, when a text is longer than its channel allows; the headline never is.</summary>
    private static readonly string[] Shortenable = ["description", "instruction", "area"];

    private static readonly CapStatus[] NotActual = [CapStatus.Exercise, CapStatus.Test, CapStatus.System, CapStatus.Draft];
    private static readonly string[] MessageTypes = ["*", nameof(CapMsgType.Alert), nameof(CapMsgType.Update), nameof(CapMsgType.Cancel)];
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly TextTemplateFile file;

    private TextTemplates(TextTemplateFile file) => this.file = file;

    /// <summary>The channels that have texts.</summary>
    public IReadOnlyCollection<string> Channels => file.Channels.Keys;

    /// <summary>
    /// The built-in templates, or <paramref name="folder"/>'s <see cref="FileName"/> when the folder has one.
    /// Throws <see cref="InvalidDataException"/> listing every problem of a file that is not valid.
    /// </summary>
    public static TextTemplates Load(string? folder = null)
    {
        var path = folder is null ? null : Path.Combine(folder, FileName);
        if (path is not null && File.Exists(path))
        {
            TextTemplates own;
            using (var stream = File.OpenRead(path)) own = Read(stream, $"'{path}'");
            // Cadres are never left without their link: a file from before door-to-door notices keeps the built-in texts.
            if (!own.Has(DoorToDoor)) own.file.Channels[DoorToDoor] = Load().file.Channels[DoorToDoor];
            return own;
        }
        using var builtIn = typeof(TextTemplates).Assembly.GetManifestResourceStream("WarningHub.Core.Templates." + FileName)
            ?? throw new InvalidOperationException("The built-in text templates are missing from the build.");
        return Read(builtIn, "(built-in)");
    }

    /// <summary>Reads and checks templates from JSON text (for tests and the settings check).</summary>
    public static TextTemplates Parse(string json, string source)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return Read(stream, source);
    }

    /// <summary>True when <paramref name="channel"/> has texts of its own.</summary>
    public bool Has(string channel) => file.Channels.ContainsKey(channel);

    /// <summary>
    /// The text of a warning on a channel: the channel's text for the message type (else <c>*</c>), filled, with
    /// every section whose placeholder is empty left out, then fitted to the channel's length by shortening the
    /// description, the instruction and the area (marked with …), never the signature, marker or headline.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The channel has no texts.</exception>
    public string Render(string channel, CapMsgType msgType, CapStatus status, TextValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = file.Channels.TryGetValue(channel, out var c) ? c : throw new KeyNotFoundException($"No text template for channel '{channel}'.");
        var template = texts.Texts.GetValueOrDefault(msgType.ToString()) ?? texts.Texts["*"];
        var marker = status == CapStatus.Actual ? "" : file.Status[status.ToString()];
        var lengths = new Dictionary<string, int>(StringComparer.Ordinal);
        string Value(string name) => name == "status" ? marker : Cut(values.Get(name) ?? "", lengths.TryGetValue(name, out var n) ? n : int.MaxValue);

        var text = Fill(template, Value);
        // Each shortenable value in turn gives up what the text is over, down to one character and the ellipsis.
        foreach (var name in Shortenable)
        {
            var over = text.Length - texts.MaxLength;
            if (over <= 0) break;
            var length = (values.Get(name) ?? "").Length;
            if (length <= 1) continue;
            lengths[name] = Math.Max(1, length - over - 1);
            text = Fill(template, Value);
        }
        return text.Length <= texts.MaxLength ? text : text[..texts.MaxLength];
    }

    private static string Cut(string value, int length) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");

    /// <summary>Fills placeholders; a [section] whose placeholders are all non-empty stays (brackets removed), else goes.</summary>
    private static string Fill(string template, Func<string, string> value) =>
        Placeholder().Replace(Section().Replace(template, m =>
            Placeholder().Matches(m.Groups[1].Value).Any(p => value(p.Groups[1].Value).Length == 0) ? "" : m.Groups[1].Value),
            m => value(m.Groups[1].Value));

    private static TextTemplates Read(Stream stream, string source)
    {
        TextTemplateFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TextTemplateFile>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Text templates {source}: {e.Message}", e);
        }
        return Check(file ?? new TextTemplateFile(), source);
    }

    private static TextTemplates Check(TextTemplateFile file, string source)
    {
        var problems = new List<string>();
        problems.AddRange(NotActual.Where(s => string.IsNullOrWhiteSpace(file.Status.GetValueOrDefault(s.ToString())))
            .Select(s => $"status.{s} is required (a Test or Exercise must never read like a real warning)"));
        problems.AddRange(file.Status.Keys.Where(k => !NotActual.Any(s => s.ToString() == k)).Select(k => $"status.{k} is not a non-Actual CAP status"));
        if (file.Channels.Count == 0) problems.Add("channels needs at least one channel");
        foreach (var (channel, texts) in file.Channels)
        {
            if (texts.MaxLength < 20) problems.Add($"channels.{channel}.maxLength must be at least 20 (was {texts.MaxLength})");
            if (string.IsNullOrWhiteSpace(texts.Texts.GetValueOrDefault("*"))) problems.Add($"channels.{channel}.texts.* (the default) is required");
            foreach (var (key, template) in texts.Texts)
            {
                if (!MessageTypes.Contains(key)) problems.Add($"channels.{channel}.texts.{key} is not Alert, Update, Cancel or *");
                problems.AddRange(Placeholder().Matches(template).Select(m => m.Groups[1].Value).Where(p => !Placeholders.Contains(p))
                    .Select(p => $"channels.{channel}.texts.{key} uses the unknown placeholder {{{p}}}"));
                if (!template.Contains("{status}", StringComparison.Ordinal))
                    problems.Add($"channels.{channel}.texts.{key} must contain {{status}}, so a Test or Exercise is marked as one");
                if (!template.Contains("{headline}", StringComparison.Ordinal))
                    problems.Add($"channels.{channel}.texts.{key} must contain {{headline}}");
                var outside = Placeholder().Matches(Section().Replace(template, "")).Select(m => m.Groups[1].Value).ToHashSet();
                if (!outside.Contains("status") || !outside.Contains("headline"))
                    problems.Add($"channels.{channel}.texts.{key} must not put {{status}} or {{headline}} inside an optional [section]");
                if (channel == DoorToDoor && !outside.Contains("link"))
                    problems.Add($"channels.{channel}.texts.{key} must contain {{link}} outside any optional [section]: it is the cadre's list");
            }
        }
        return problems.Count == 0 ? new TextTemplates(file) : throw new InvalidDataException($"Text templates {source}: {string.Join("; ", problems)}.");
    }

    [GeneratedRegex(@"\{([^{}\[\]]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\[([^\[\]]*)\]")]
    private static partial Regex Section();
}
