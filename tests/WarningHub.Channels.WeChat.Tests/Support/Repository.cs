namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>Files of the repository the tests run in: the README whose tables they check, the shipped sample configuration.</summary>
internal static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        // Walk up from the test's output folder to the folder holding WarningHub.sln.
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; depth < 12 && directory is not null; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WarningHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test's output folder.");
    });

    public static string PathOf(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
