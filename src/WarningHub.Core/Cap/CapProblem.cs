namespace WarningHub.Core.Cap;

/// <summary>
/// Something wrong with a CAP message: where (<c>info[0].area[1].polygon[0]</c>, the names of CAP elements,
/// indexes counted from 0 among elements of the same name) and why.
/// </summary>
public sealed record CapProblem(string Path, string Reason)
{
    /// <summary>The path of problems about the document as a whole (not XML, hostile, wrong namespace).</summary>
    public const string DocumentPath = "(document)";

    public override string ToString() => Path + ": " + Reason;
}

/// <summary>Builds problem paths.</summary>
internal static class CapPath
{
    public const string Root = "";

    public static string Child(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Item(string parent, string name, int index) =>
        Child(parent, name) + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
