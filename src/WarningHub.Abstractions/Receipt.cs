namespace WarningHub.Abstractions;

/// <summary>A delivery report from a gateway or terminal about one message part.</summary>
/// <param name="ProviderMessageId">The identifier the gateway gave when it accepted the part.</param>
/// <param name="Status"><see cref="DeliveryStatus.Delivered"/> or <see cref="DeliveryStatus.Failed"/>.</param>
/// <param name="Code">The gateway's own state word (for SMPP: DELIVRD, UNDELIV, EXPIRED, ...).</param>
/// <param name="At">When the gateway says it happened (UTC), or when we received it.</param>
public sealed record Receipt(string ProviderMessageId, DeliveryStatus Status, string Code, DateTimeOffset At);
