using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>
/// What every slot of a shard gets: made once per job run, specialised per slot only for the village broadcaster's
/// link. Channel knowledge (WeCom mentions, captions' shape) belongs to each adapter, not here.
/// </summary>
internal sealed class ShardPayload(string channel, string text, IReadOnlyDictionary<string, string> fields, Bulletin? bulletin,
    WriteJournal journal, Func<long, string>? textOfVillage = null)
{
    /// <param name="marked">Told once the slot is durably marked written, just before its request leaves.</param>
    public async ValueTask<DeliveryResult> SendAsync(IChannelAdapter adapter, LedgerSlot slot, Action? marked, CancellationToken cancellationToken)
    {
        // An adapter that reports its writes marks the slot itself, just before the first byte leaves; for the others
        // the hand-over is the last moment the hub knows that nothing has left yet.
        if (!adapter.Definition.ReportsWrites || adapter is not ITextSender)
        {
            try
            {
                await journal.MarkAsync(slot.Id, cancellationToken);
                marked?.Invoke();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not recorded, so not sent: nothing left, and the slot is offered again shortly without spending an attempt.
                return DeliveryResult.Unavailable("the hub could not record the send: " + ex.Message);
            }
        }
        return adapter switch
        {
            ITextSender sender => await sender.SendAsync(TextFor(slot, marked), cancellationToken),
            IAudioBroadcaster audio when bulletin is not null => await audio.BroadcastAsync(new AudioMessage(slot.Id, slot.Address, bulletin.Clip, bulletin.Script), cancellationToken),
            _ => DeliveryResult.Temporary(null, $"no way to send on {channel} with {adapter.Definition.Name}"),
        };
    }

    private TextMessage TextFor(LedgerSlot slot, Action? marked) =>
        new(slot.Id, slot.Address, textOfVillage is null ? text : textOfVillage(slot.VillageCode))
        {
            Fields = fields,
            BeforeWrite = async ct =>
            {
                await journal.MarkAsync(slot.Id, ct);
                marked?.Invoke();
            },
        };
}
