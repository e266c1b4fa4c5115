namespace WarningHub.Core.Cap;

/// <summary>Limits applied when reading CAP messages from outside.</summary>
public sealed class CapReadOptions
{
    /// <summary>The limits used when none are given.</summary>
    public static CapReadOptions Default { get; } = new();

    /// <summary>
    /// For CAP this hub wrote itself from an alert it accepted (<see cref="StoredCap"/>): no size limit. Writing
    /// escapes text, so the stored form can be several times the size of what was accepted ('&lt;' becomes
    /// <c>&amp;lt;</c>); reading it back under any lower limit would lose an accepted warning. Depth stays limited.
    /// </summary>
    public static CapReadOptions Stored { get; } = new() { MaxDocumentLength = int.MaxValue };

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
