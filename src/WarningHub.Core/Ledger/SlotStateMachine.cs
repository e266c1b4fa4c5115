using WarningHub.Abstractions;

namespace WarningHub.Core.Ledger;

/// <summary>
/// The slot state machine of ARCHITECTURE.md. Storage enforces it in its update statements
/// (a transition only applies to a slot in one of the allowed "from" states), so a late or
/// repeated event can never move a slot out of a final state.
/// </summary>
public static class SlotStateMachine
{
    private static readonly Dictionary<DeliveryStatus, DeliveryStatus[]> AllowedFrom = new()
    {
        [DeliveryStatus.Queued] = [DeliveryStatus.Planned, DeliveryStatus.Sending],
        [DeliveryStatus.Sending] = [DeliveryStatus.Planned, DeliveryStatus.Queued],
        [DeliveryStatus.Sent] = [DeliveryStatus.Sending],
        [DeliveryStatus.Delivered] = [DeliveryStatus.Sent],
        [DeliveryStatus.Failed] = [DeliveryStatus.Planned, DeliveryStatus.Queued, DeliveryStatus.Sending, DeliveryStatus.Sent],
        // From Sending only for slots a job claimed but had not handed to an adapter when the warning ended.
        [DeliveryStatus.Expired] = [DeliveryStatus.Planned, DeliveryStatus.Queued, DeliveryStatus.Sending],
        [DeliveryStatus.Cancelled] = [DeliveryStatus.Planned, DeliveryStatus.Queued, DeliveryStatus.Sending],
        // Unconfirmed: sent without a receipt in time, or the outcome of a send was unknown when the warning ended.
        [DeliveryStatus.Unconfirmed] = [DeliveryStatus.Sent, DeliveryStatus.Sending],
        [DeliveryStatus.Planned] = [],
    };

    /// <summary>Whether <paramref name="from"/> → <paramref name="to"/> is a legal move.</summary>
    public static bool CanMove(DeliveryStatus from, DeliveryStatus to) => Array.IndexOf(AllowedFrom[to], from) >= 0;

    /// <summary>The allowed "from" states as a SQL list of their numbers, for update statements.</summary>
    public static string SqlFromList(DeliveryStatus to) => string.Join(',', AllowedFrom[to].Select(s => ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
