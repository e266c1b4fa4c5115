namespace WarningHub.Core.Tests.Cap;

/// <summary>The sample warnings shipped in config/samples, found by walking up from the test binaries.</summary>
internal static class CapSamples
{
    private static readonly Lazy<string> Directory = new(Locate);

    public static string Path(string fileName) => System.IO.Path.Combine(Directory.Value, fileName);

    public static string Text(string fileName) => File.ReadAllText(Path(fileName));

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "config", "samples");
            if (File.Exists(System.IO.Path.Combine(candidate, "red-rainstorm.cap.xml")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("config/samples not found above " + AppContext.BaseDirectory);
    }
}
