namespace WarningHub.Core.Cap;

/// <summary>
/// The form in which an accepted alert is stored (compact CAP 1.2 XML) and read back. Read-back uses
/// <see cref="CapReadOptions.Stored"/>, never the limits of outside input, so whatever was accepted reads back.
/// </summary>
public static class StoredCap
{
    /// <summary>
    /// The stored form of <paramref name="alert"/>, or null with the reason when it would not read back as an alert
    /// (then it must not be accepted: a warning that cannot be read back is never sent).
    /// </summary>
    public static string? Write(CapAlert alert, out CapProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var xml = CapXmlWriter.ToXml(alert, indent: false);
        if (Read(xml).Alert is null)
        {
            problem = new CapProblem(CapProblem.DocumentPath, "the warning does not read back from its stored form; nothing was stored");
            return null;
        }

        problem = null;
        return xml;
    }

    /// <summary>Reads a stored form back. The alert is null only for text this hub did not write.</summary>
    public static CapReadResult Read(string storedXml) => CapXmlReader.Read(storedXml, CapReadOptions.Stored);
}
