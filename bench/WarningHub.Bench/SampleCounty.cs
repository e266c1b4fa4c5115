using WarningHub.Core.Geo;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;

namespace WarningHub.Bench;

/// <summary>The sample county (config/regions/jingyan, 井研县) with a generated population, and a county-wide target.</summary>
internal static class SampleCounty
{
    /// <summary>井研县's division code prefix: every village of the county.</summary>
    public const string CountyCode = "511124";

    /// <summary>Shards of the engine's default size.</summary>
    public const int ShardSize = 1000;

    /// <summary>An Actual warning for the whole county, as the planner gets it from the sample warning's geocode.</summary>
    public static PlanTarget WholeCounty { get; } = new([CountyCode], new GeoArea([], []), TestRecipientsOnly: false);

    public static CountyRegistry Generate(int persons, long seed) =>
        new CountyGenerator(new CountyGeneratorOptions { PersonCount = persons, Seed = seed })
            .Generate(RegistryCsv.LoadCounty(Path.Combine(ConfigFolder(), "regions", "jingyan")));

    public static string Sample(string name) => Path.Combine(ConfigFolder(), "samples", name);

    /// <summary>The working directory's config folder (a run from the repository), else the copy beside the program.</summary>
    private static string ConfigFolder()
    {
        foreach (var candidate in new[] { Path.Combine(Directory.GetCurrentDirectory(), "config"), Path.Combine(AppContext.BaseDirectory, "config") })
        {
            if (Directory.Exists(Path.Combine(candidate, "regions", "jingyan"))) return candidate;
        }
        throw new DirectoryNotFoundException("No config folder with regions/jingyan found in the working directory or beside the program.");
    }
}
