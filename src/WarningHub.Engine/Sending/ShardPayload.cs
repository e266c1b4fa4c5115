using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>What every slot of a shard gets: made once per job run, specialised per slot only where a channel needs it.</summary>
internal sealed class ShardPayload(string channel, string text, IReadOnlyDictionary<string, string> fields, Bulletin? bulletin, CountyEndpoints endpoints,
    Func<long, string>? textOfVillage = null)
{
    public ValueTask<DeliveryResult> SendAsync(IChannelAdapter adapter, LedgerSlot slot, CancellationToken cancellationToken) => adapter switch
    {
        ITextSender text => text.SendAsync(TextFor(slot), cancellationToken),
        IAudioBroadcaster audio when bulletin is not null => audio.BroadcastAsync(new AudioMessage(slot.Id, slot.Address, bulletin.Clip, bulletin.Script), cancellationToken),
        _ => ValueTask.FromResult(DeliveryResult.Temporary(null, $"no way to send on {channel} with {adapter.Definition.Name}")),
    };

    private TextMessage TextFor(LedgerSlot slot)
    {
        if (textOfVillage is not null) return new TextMessage(slot.Id, slot.Address, textOfVillage(slot.VillageCode)) { Fields = fields };
        if (channel != Channels.WeCom) return new TextMessage(slot.Id, slot.Address, text) { Fields = fields };
        // A town's robot mentions the officers of the town and of its villages.
        var town = slot.VillageCode.ToString(CultureInfo.InvariantCulture);
        var prefix = town[..9];
        var mobiles = endpoints.Officers.Where(o => o.RegionCode.StartsWith(prefix, StringComparison.Ordinal)).Select(o => o.Phone).Distinct(StringComparer.Ordinal);
        var withMentions = new Dictionary<string, string>(fields) { [MessageFields.MentionedMobiles] = string.Join(',', mobiles) };
        return new TextMessage(slot.Id, slot.Address, text) { Fields = withMentions };
    }
}
