namespace WarningHub.Core.Cap;

/// <summary>A CAP <c>resource</c>: a file (image, audio, document) that goes with the info.</summary>
public sealed record CapResource
{
    /// <summary>What the resource is, e.g. "雷达回波图" or "audio announcement".</summary>
    public required string ResourceDesc { get; init; }

    /// <summary>MIME type; required by CAP 1.2.</summary>
    public required string MimeType { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Where the resource can be fetched; a string because CAP allows it to be relative to a message package.</summary>
    public string? Uri { get; init; }

    /// <summary>The resource itself, base64-encoded (not a URI despite the CAP name).</summary>
    public string? DerefUri { get; init; }

    /// <summary>SHA-1 hash of the resource, hexadecimal.</summary>
    public string? Digest { get; init; }
}
