using WarningHub.Channels.TvCrawl;

namespace WarningHub.Server.Feeds;

/// <summary>One line of a TV channel's feed.</summary>
internal sealed record TvCaption(PublicWarning Warning, string Text)
{
    /// <summary>
    /// The captions of a channel: every warning in force that may go on air, most serious level first, then newest.
    /// Composition refuses anything not Actual, a second lock behind <see cref="PublicWarnings"/>.
    /// </summary>
    public static IReadOnlyList<TvCaption> For(TvChannelOptions channel, IEnumerable<PublicWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var captions = new List<TvCaption>();
        foreach (var w in warnings.OrderBy(w => w.Level is { } l ? (int)l : int.MaxValue).ThenByDescending(w => w.Updated)
                     .ThenBy(w => w.Record.PublicId, StringComparer.Ordinal))
        {
            if (CaptionComposer.TryCompose(w.Caption, channel.MaxLength, out var text)) captions.Add(new TvCaption(w, text));
        }
        return captions;
    }
}
