using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

/// <summary>The committed Jingyan sample (config/regions/jingyan), found by walking up from the test binaries.</summary>
internal static class SampleCounty
{
    public static string Folder { get; } = FindFolder();

    private static readonly Lazy<CountyRegistry> Regions = new(() => RegistryCsv.LoadCounty(Folder));

    /// <summary>Regions only, no population.</summary>
    public static CountyRegistry LoadRegions() => Regions.Value;

    public static CountyRegistry Generate(int persons, long seed = 7, int testRecipients = 20) =>
        new CountyGenerator(new CountyGeneratorOptions { PersonCount = persons, Seed = seed, TestRecipientCount = testRecipients })
            .Generate(LoadRegions());

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "regions", "jingyan");
            if (File.Exists(Path.Combine(candidate, RegistryCsv.RegionsFileName)))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("config/regions/jingyan/regions.csv was not found above the test binaries.");
    }
}
