using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>Makes what every slot of a shard gets, once per run: the channel's text and fields, or the bulletin.</summary>
public sealed class ShardPayloadFactory(
    WarningContent content,
    BroadcastLinks links,
    IEnumerable<IBulletinSource> bulletins,
    WriteJournal journal,
    ILogger<ShardPayloadFactory> logger)
{
    /// <summary>The payload, or null when the channel cannot be served yet (an audio channel without a bulletin source).</summary>
    internal async Task<ShardPayload?> CreateAsync(IChannelAdapter adapter, WarningRecord warning, string channel, CancellationToken cancellationToken)
    {
        Bulletin? bulletin = null;
        if (adapter is IAudioBroadcaster)
        {
            var source = bulletins.FirstOrDefault();
            if (source is null)
            {
                logger.LogError("Channel {Channel} plays audio but no bulletin source is configured; its shards wait", channel);
                return null;
            }
            bulletin = await source.BulletinAsync(warning, cancellationToken);
        }
        Func<long, string>? perVillage = channel == Core.Planning.Channels.Broadcaster
            ? village => content.TextWithLink(warning, channel, links.UrlOf(warning, village.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        return new ShardPayload(channel, content.TextFor(warning, channel), content.FieldsFor(warning), bulletin, journal, perVillage);
    }
}
