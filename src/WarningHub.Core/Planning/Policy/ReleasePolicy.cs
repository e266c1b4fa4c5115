using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Planning.Policy;

/// <summary>
/// Who gets a warning of an event and level, on which channels, with how many repeats, whether officers are called
/// (叫应) and whether cadres go door to door: the rules of <c>config/policy.json</c>, or of the file named by
/// <c>Engine:PolicyFile</c>. The most specific rule wins: (event, level), then (event, <c>*</c>), then
/// (<c>*</c>, level), then (<c>*</c>, <c>*</c>), which must exist. Loaded and checked once; every problem of a file is
/// listed at once, each with its place (<c>rules[2].channels[1]</c>).
/// </summary>
public sealed class ReleasePolicy
{
    public const string FileName = "policy.json";

    /// <summary>The <see cref="Source"/> of the policy built into the program.</summary>
    public const string BuiltIn = "(built-in)";

    /// <summary>Level names a rule may give: the colours, <c>None</c> (no level stated) and <c>*</c>.</summary>
    public static IReadOnlyList<string> Levels { get; } = ["*", "Red", "Orange", "Yellow", "Blue", "None"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<(string Event, string Level), PolicyDecision> _rules;

    private ReleasePolicy(Dictionary<(string, string), PolicyDecision> rules, string source, string sha256)
    {
        _rules = rules;
        Source = source;
        Sha256 = sha256;
    }

    /// <summary>How many rules the policy has.</summary>
    public int Count => _rules.Count;

    /// <summary>Where the rules came from: the file's full path, or <see cref="BuiltIn"/>.</summary>
    public string Source { get; }

    /// <summary>SHA-256 (lower-case hex) of the policy's bytes as read, so the audit shows which rules a hub ran with.</summary>
    public string Sha256 { get; }

    /// <summary>
    /// The built-in policy (<c>config/policy.json</c> as shipped), or the file at <paramref name="path"/>.
    /// Throws <see cref="InvalidDataException"/> listing every problem of a file that is not valid.
    /// </summary>
    /// <param name="path">A policy file; null for the built-in one.</param>
    public static ReleasePolicy Load(string? path = null)
    {
        if (path is not null)
        {
            if (!File.Exists(path)) throw new InvalidDataException($"Release policy '{path}' does not exist.");
            return Read(File.ReadAllBytes(path), $"'{path}'", Path.GetFullPath(path));
        }
        using var stream = typeof(ReleasePolicy).Assembly.GetManifestResourceStream("WarningHub.Core.Planning.Policy." + FileName)
            ?? throw new InvalidOperationException("The built-in release policy is missing from the build.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Read(bytes.ToArray(), BuiltIn, BuiltIn);
    }

    /// <summary>Reads and checks a policy from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">Where it came from, for messages.</param>
    public static ReleasePolicy Parse(string json, string source) => Read(Encoding.UTF8.GetBytes(json), source, source);

    /// <summary>The rule for a warning's event and level.</summary>
    /// <param name="eventName">The CAP event (暴雨, 山洪…).</param>
    /// <param name="level">The colour level; null when the warning states none.</param>
    public PolicyDecision For(string eventName, WarningLevel? level)
    {
        var name = level?.ToString() ?? "None";
        return _rules.GetValueOrDefault((eventName, name))
            ?? _rules.GetValueOrDefault((eventName, "*"))
            ?? _rules.GetValueOrDefault(("*", name))
            ?? _rules[("*", "*")];
    }

    private static ReleasePolicy Read(byte[] bytes, string source, string origin)
    {
        ReleasePolicyFile? file;
        try
        {
            // An editor may save a byte-order mark; the stream reader skipped it, a span does not.
            var json = bytes.AsSpan();
            if (json.StartsWith(Encoding.UTF8.Preamble)) json = json[Encoding.UTF8.Preamble.Length..];
            file = JsonSerializer.Deserialize<ReleasePolicyFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Release policy {source}: {e.Message}", e);
        }
        var problems = new List<string>();
        var rules = new Dictionary<(string, string), PolicyDecision>();
        var seen = new Dictionary<(string, string), int>();
        foreach (var (rule, i) in (file?.Rules ?? []).Select((r, i) => (r, i)))
        {
            var decision = Check(rule, $"rules[{i}]", problems);
            if (rule.Event is null || rule.Level is null) continue;
            var key = (rule.Event, rule.Level);
            // A duplicate is named even beside a rule with problems of its own: both must be fixed.
            if (seen.TryGetValue(key, out var earlier))
                problems.Add($"rules[{i}]: duplicate rule for event '{key.Item1}' and level '{key.Item2}' (also rules[{earlier}])");
            else seen[key] = i;
            if (decision is not null) rules.TryAdd(key, decision);
        }
        if (problems.Count == 0 && !rules.ContainsKey(("*", "*")))
            problems.Add("rules: a fallback rule with event \"*\" and level \"*\" is required");
        return problems.Count == 0
            ? new ReleasePolicy(rules, origin, Convert.ToHexStringLower(SHA256.HashData(bytes)))
            : throw new InvalidDataException($"Release policy {source}: {string.Join("; ", problems)}.");
    }

    private static PolicyDecision? Check(ReleasePolicyRuleFile rule, string at, List<string> problems)
    {
        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(rule.Event)) problems.Add($"{at}.event is required (an event such as 暴雨, or \"*\")");
        if (string.IsNullOrWhiteSpace(rule.Level)) problems.Add($"{at}.level is required ({string.Join(", ", Levels)})");
        else if (!Levels.Contains(rule.Level)) problems.Add($"{at}.level '{rule.Level}' is not a level ({string.Join(", ", Levels)})");
        var audiences = new HashSet<string>(StringComparer.Ordinal);
        if (rule.Audiences is not { Count: > 0 }) problems.Add($"{at}.audiences needs at least one of {string.Join(", ", Audiences.All)}");
        foreach (var (audience, j) in (rule.Audiences ?? []).Select((a, j) => (a, j)))
        {
            if (!Audiences.All.Contains(audience)) problems.Add($"{at}.audiences[{j}] '{audience}' is not an audience ({string.Join(", ", Audiences.All)})");
            else audiences.Add(audience);
        }
        var reachable = audiences.SelectMany(Audiences.ChannelsOf).ToHashSet(StringComparer.Ordinal);
        var channels = reachable;
        if (rule.Channels is { } listed)
        {
            channels = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (channel, j) in listed.Select((c, j) => (c, j)))
            {
                if (!Planning.Channels.All.Contains(channel))
                    problems.Add($"{at}.channels[{j}] '{channel}' is not a channel ({string.Join(", ", Planning.Channels.All)})");
                else if (!reachable.Contains(channel))
                    problems.Add($"{at}.channels[{j}] '{channel}' reaches none of the rule's audiences");
                else channels.Add(channel);
            }
        }
        PolicyRepeat? repeat = null;
        var noRepeats = false;
        if (rule.Repeat is { } r)
        {
            if (r.Count is < 0 or > 1000) problems.Add($"{at}.repeat.count must be 0..1000 (was {r.Count})");
            if (r.Count == 0) noRepeats = true;
            else if (r.Every is null) problems.Add($"{at}.repeat.every is required (hh:mm:ss) unless count is 0");
            else if (!TimeSpan.TryParse(r.Every, CultureInfo.InvariantCulture, out var every) || every < TimeSpan.FromMinutes(1) || every > TimeSpan.FromDays(1))
                problems.Add($"{at}.repeat.every '{r.Every}' is not an interval of 00:01:00..1.00:00:00");
            else repeat = new PolicyRepeat(every, r.Count);
        }
        if (problems.Count > before) return null;
        return new PolicyDecision($"{at} ({rule.Event}, {rule.Level})", audiences, channels, repeat, noRepeats, rule.Acknowledge, rule.DoorToDoor);
    }
}
