using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>How one message part ended: accepted with an id, or the failure the whole send would report.</summary>
internal readonly record struct PartOutcome(string? MessageId, DeliveryResult Failure)
{
    public bool IsAccepted => MessageId is not null;

    public static PartOutcome Accepted(string messageId) => new(messageId, default);

    public static PartOutcome Failed(DeliveryResult failure) => new(null, failure);
}
