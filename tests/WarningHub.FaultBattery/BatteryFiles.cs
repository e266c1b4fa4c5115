namespace WarningHub.FaultBattery;

/// <summary>Files the battery runs with: the repository's sample county and warning, the CLI, the npm peers.</summary>
internal static class BatteryFiles
{
    public const string NodeModulesVariable = "WARNINGHUB_NODE_MODULES";

    public static string Root { get; } = FindRoot();

    public static string SampleCounty => Path.Combine(Root, "config", "regions", "jingyan");

    public static string Sample(string name) => Path.Combine(Root, "config", "samples", name);

    public static string PeerScript => Path.Combine(AppContext.BaseDirectory, "peers", "smpp-smsc.js");

    /// <summary>The CLI built in the same configuration as the caller.</summary>
    public static string CliDll
    {
        get
        {
            var release = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
            var dll = Path.Combine(Root, "src", "WarningHub.Cli", "bin", release ? "Release" : "Debug", "net10.0", "warninghub.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first (dotnet build WarningHub.sln)", dll);
        }
    }

    /// <summary>$WARNINGHUB_NODE_MODULES, else the repository's .peers/node_modules, holding the npm `smpp` package.</summary>
    public static string NodeModules
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(NodeModulesVariable) is { Length: > 0 } set ? set : Path.Combine(Root, ".peers", "node_modules");
            return Directory.Exists(Path.Combine(folder, "smpp"))
                ? Path.GetFullPath(folder)
                : throw new DirectoryNotFoundException($"The npm package 'smpp' was not found in {folder}. Run ./test.sh (it installs the peers into .peers/) or set {NodeModulesVariable}.");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WarningHub.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("WarningHub.sln not found above the program");
    }
}
