namespace WarningHub.Engine.Upstream;

/// <summary>
/// One entry of an upstream feed: where its CAP document is (a link, or the document itself inline), and the key
/// it is remembered by (its id and its updated time, so an entry changed in place is read again).
/// </summary>
public sealed record UpstreamEntry(string Id, string Updated, Uri? CapLink, string? InlineCap)
{
    public string Key => Id + "\n" + Updated;
}

/// <summary>The entries of a feed, or why it could not be read.</summary>
public sealed record UpstreamFeed(IReadOnlyList<UpstreamEntry> Entries, string? Problem)
{
    public static UpstreamFeed Refused(string problem) => new([], problem);
}
