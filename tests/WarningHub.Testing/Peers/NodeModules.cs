namespace WarningHub.Testing.Peers;

/// <summary>
/// Finds the node_modules folder that holds the independent peers: $WARNINGHUB_NODE_MODULES (test.sh sets it),
/// else &lt;repository&gt;/.peers/node_modules. Missing peers fail the test: an interop suite that passes without its
/// peer would prove nothing.
/// </summary>
public static class NodeModules
{
    public const string Variable = "WARNINGHUB_NODE_MODULES";

    public static string Locate(string package)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            candidates.Add(fromEnvironment);
        }
        else if (FindRepositoryRoot() is { } root)
        {
            candidates.Add(Path.Combine(root, ".peers", "node_modules"));
        }

        foreach (var candidate in candidates)
        {
            if (Directory.Exists(Path.Combine(candidate, package)))
            {
                return Path.GetFullPath(candidate);
            }
        }

        Assert.Fail(
            $"The npm package '{package}' for the interop peer was not found (looked in: {string.Join(", ", candidates.DefaultIfEmpty("nowhere"))}). " +
            $"Run ./test.sh, which installs the peers into .peers/node_modules, or set {Variable} to a node_modules folder holding {package}.");
        return string.Empty;
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WarningHub.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
