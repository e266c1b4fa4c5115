using System.Threading.Channels;

namespace WarningHub.Abstractions;

/// <summary>The base of every adapter: it describes itself.</summary>
public interface IChannelAdapter
{
    /// <summary>The adapter's self-description.</summary>
    ChannelDefinition Definition { get; }
}

/// <summary>An adapter that holds connections and must be started and stopped.</summary>
public interface IChannelLifecycle
{
    /// <summary>Connect (bind, log in); returns when ready to send or when connecting failed for good.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Disconnect politely (unbind), waiting for outstanding answers up to the token.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}

/// <summary>An adapter that sends texts (SMS, WeChat, captions).</summary>
public interface ITextSender : IChannelAdapter
{
    /// <summary>Send one text. Never throws for gateway errors: they come back as a <see cref="DeliveryResult"/>.</summary>
    ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// An adapter whose recipients are a fixed list in its own configuration (TV channels, officers' group robots)
/// rather than people of the registry. For WeCom robots the address is the 12-digit code of the town served.
/// </summary>
public interface IFixedAddresses : IChannelAdapter
{
    /// <summary>Every address the adapter can send to.</summary>
    IReadOnlyList<string> Addresses { get; }
}

/// <summary>An adapter that reports delivery receipts.</summary>
public interface IReceiptSource : IChannelAdapter
{
    /// <summary>Receipts as they arrive, in any order, possibly before the send returned.</summary>
    ChannelReader<Receipt> Receipts { get; }
}

/// <summary>
/// An adapter that can run its send path once without sending anything (text encoders, PDU writers, first-use
/// code), so the first real warning after a start does not pay for it.
/// </summary>
public interface IWarmUp
{
    /// <summary>Prepares the send path; sends nothing and changes no state a send depends on.</summary>
    ValueTask WarmUpAsync(CancellationToken cancellationToken);
}
