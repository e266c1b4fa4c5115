using System.Text;

namespace WarningHub.Core.Tests.Registry;

/// <summary>A fresh folder under the temp directory, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("wh-registry-");

    public string Path => folder.FullName;

    /// <summary>Writes UTF-8 text, with a byte order mark when asked.</summary>
    public void Write(string name, string text, bool byteOrderMark = false) =>
        File.WriteAllText(System.IO.Path.Combine(Path, name), text, new UTF8Encoding(byteOrderMark));

    public void Dispose() => folder.Delete(recursive: true);
}
