using System.Text.Json;

namespace WarningHub.Audio;

/// <summary>
/// The broadcast templates of every language: the built-in <c>config/templates/broadcast.*.json</c>, each replaced
/// by a file of the same language in <see cref="AudioOptions.TemplateFolder"/> when there is one.
/// </summary>
public sealed class BroadcastTemplates
{
    /// <summary>The language used for any non-Chinese language without its own templates.</summary>
    public const string FallbackLanguage = "en-US";

    private const string ResourcePrefix = "WarningHub.Audio.Templates.broadcast.";
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, BroadcastTemplateSet> sets;

    private BroadcastTemplates(Dictionary<string, BroadcastTemplateSet> sets) => this.sets = sets;

    /// <summary>The languages that have templates.</summary>
    public IReadOnlyCollection<string> Languages => sets.Keys;

    /// <summary>
    /// Loads the built-in templates and those in <paramref name="folder"/> (optional). Throws
    /// <see cref="InvalidDataException"/> listing every problem of a file that is not valid.
    /// </summary>
    public static BroadcastTemplates Load(string? folder = null)
    {
        var sets = new Dictionary<string, BroadcastTemplateSet>(StringComparer.OrdinalIgnoreCase);
        var assembly = typeof(BroadcastTemplates).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            Add(sets, Read(stream, $"(built-in {name[ResourcePrefix.Length..]})"), name[ResourcePrefix.Length..^".json".Length]);
        }

        if (folder is not null)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "broadcast.*.json"))
            {
                using var stream = File.OpenRead(path);
                var language = Path.GetFileNameWithoutExtension(path)["broadcast.".Length..];
                Add(sets, Read(stream, $"'{path}'"), language);
            }
        }

        return sets.ContainsKey(FallbackLanguage)
            ? new BroadcastTemplates(sets)
            : throw new InvalidDataException($"Broadcast templates: the {FallbackLanguage} fallback is missing.");
    }

    /// <summary>
    /// The templates of <paramref name="language"/>: an exact match, then the same primary language (zh-TW → zh-CN),
    /// then <see cref="FallbackLanguage"/>.
    /// </summary>
    public BroadcastTemplateSet For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        if (sets.TryGetValue(language, out var exact))
        {
            return exact;
        }

        var primary = PrimaryOf(language);
        return sets.Values.FirstOrDefault(s => PrimaryOf(s.Language).Equals(primary, StringComparison.OrdinalIgnoreCase))
            ?? sets[FallbackLanguage];
    }

    internal static string PrimaryOf(string language) => language.Split('-')[0];

    private static BroadcastTemplateSet Read(Stream stream, string source)
    {
        BroadcastTemplateFile? file;
        try
        {
            file = JsonSerializer.Deserialize<BroadcastTemplateFile>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Broadcast templates {source}: {e.Message}", e);
        }

        return BroadcastTemplateSet.Check(file ?? new BroadcastTemplateFile(), source);
    }

    private static void Add(Dictionary<string, BroadcastTemplateSet> sets, BroadcastTemplateSet set, string fileLanguage)
    {
        if (!set.Language.Equals(fileLanguage, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException(
                $"Broadcast templates broadcast.{fileLanguage}.json: its language is '{set.Language}', not '{fileLanguage}'.");
        }

        sets[set.Language] = set;
    }
}
