namespace WarningHub.Core.Cap;

/// <summary>Limits applied when reading CAP messages from outside.</summary>
public sealed class CapReadOptions
{
    /// <summary>The limits used when none are given.</summary>
    public static CapReadOptions Default { get; } = new();

    /// <summary>
    /// Largest accepted document: characters for XML, bytes for JSON (UTF-8) streams, characters for JSON strings.
    /// Real CAP warnings are a few kilobytes; embedded resources (derefUri) are what make them large.
    /// </summary>
    /// <value>1 MiB.</value>
    public int MaxDocumentLength { get; init; } = 1024 * 1024;

    /// <summary>
    /// Deepest accepted nesting. CAP itself needs 5 XML levels (alert/info/area/geocode/value) and 7 JSON
    /// levels; an XML signature needs a few more.
    /// </summary>
    /// <value>32.</value>
    public int MaxDepth { get; init; } = 32;
}
