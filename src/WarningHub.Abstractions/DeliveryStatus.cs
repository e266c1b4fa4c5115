namespace WarningHub.Abstractions;

/// <summary>
/// The state of one (warning, channel, recipient) slot. Progress states are ordered so that
/// <c>status &gt;= DeliveryStatus.Sent</c> reads as "left our hands"; final states that are not
/// success sort after <see cref="Delivered"/>.
/// </summary>
public enum DeliveryStatus
{
    /// <summary>Planned for a recipient; nothing queued yet.</summary>
    Planned = 0,

    /// <summary>Waiting in a shard job.</summary>
    Queued = 1,

    /// <summary>Handed to an adapter; the outcome is not known yet.</summary>
    Sending = 2,

    /// <summary>Accepted by the gateway; waiting for a receipt.</summary>
    Sent = 3,

    /// <summary>The gateway or terminal confirmed delivery. Final.</summary>
    Delivered = 4,

    /// <summary>Delivery failed permanently or retries ran out. Final.</summary>
    Failed = 10,

    /// <summary>The warning expired before the slot could be sent. Final.</summary>
    Expired = 11,

    /// <summary>The warning was cancelled or superseded before the slot was sent. Final.</summary>
    Cancelled = 12,

    /// <summary>Sent, but no receipt arrived within the receipt window. Final.</summary>
    Unconfirmed = 13,
}

/// <summary>Helpers on <see cref="DeliveryStatus"/>.</summary>
public static class DeliveryStatusExtensions
{
    /// <summary>True for states a slot never leaves.</summary>
    public static bool IsFinal(this DeliveryStatus status) =>
        status is DeliveryStatus.Delivered or DeliveryStatus.Failed or DeliveryStatus.Expired
            or DeliveryStatus.Cancelled or DeliveryStatus.Unconfirmed;

    /// <summary>True when the message left our hands (sent, delivered or unconfirmed).</summary>
    public static bool HasLeft(this DeliveryStatus status) =>
        status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Unconfirmed;
}
