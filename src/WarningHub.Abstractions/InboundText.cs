using System.Threading.Channels;

namespace WarningHub.Abstractions;

/// <summary>
/// A text a person sent to the hub (mobile-originated): a reply to an SMS, for example an officer's "收到".
/// </summary>
/// <param name="Sender">The sender's address as the gateway gave it (a mobile number, maybe with +86 or 86).</param>
/// <param name="Recipient">The address it was sent to (our service number, maybe with an extension), or empty.</param>
/// <param name="Text">The decoded text.</param>
/// <param name="At">When it was received (UTC).</param>
public sealed record InboundText(string Sender, string Recipient, string Text, DateTimeOffset At);

/// <summary>
/// An adapter that receives texts from people (SMS MO). It raises them like receipts: as they come, on any
/// connection; the hub decides what they mean.
/// </summary>
public interface IInboundTextSource : IChannelAdapter
{
    /// <summary>Texts as they arrive.</summary>
    ChannelReader<InboundText> InboundTexts { get; }
}
