namespace WarningHub.Cli;

/// <summary>Finds the config folder: the working directory's, else the one copied beside the program.</summary>
internal static class ConfigFolder
{
    public static string Locate()
    {
        var here = Path.Combine(Directory.GetCurrentDirectory(), "config");
        if (Directory.Exists(Path.Combine(here, "regions"))) return here;
        var beside = Path.Combine(AppContext.BaseDirectory, "config");
        if (Directory.Exists(Path.Combine(beside, "regions"))) return beside;
        throw new DirectoryNotFoundException("No config folder with regions/ found in the working directory or beside the program.");
    }

    public static string SampleCounty => Path.Combine(Locate(), "regions", "jingyan");

    public static string Sample(string name) => Path.Combine(Locate(), "samples", name);
}
