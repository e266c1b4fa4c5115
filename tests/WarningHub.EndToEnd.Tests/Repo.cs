namespace WarningHub.EndToEnd.Tests;

/// <summary>Finds files of the repository from the test binaries.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string name) => Path.Combine(Root, "config", "samples", name);

    public static string SampleCounty => Path.Combine(Root, "config", "regions", "jingyan");

    /// <summary>The CLI built in the same configuration as the tests.</summary>
    public static string CliDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var dll = Path.Combine(Root, "src", "WarningHub.Cli", "bin", configuration, "net10.0", "warninghub.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first (dotnet build WarningHub.sln)", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WarningHub.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("WarningHub.sln not found above the test binaries");
    }
}
