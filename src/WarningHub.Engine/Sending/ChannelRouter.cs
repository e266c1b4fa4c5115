using WarningHub.Abstractions;

namespace WarningHub.Engine.Sending;

/// <summary>Finds the adapter that serves a ledger channel.</summary>
public sealed class ChannelRouter(IEnumerable<ITextSender> senders)
{
    private readonly ITextSender[] _senders = senders.ToArray();

    /// <summary>The channels some adapter serves.</summary>
    public IReadOnlyList<string> Channels => _senders.Select(s => s.Definition.Channel).Distinct().ToList();

    /// <summary>The sender for a channel. The first registered wins; per-operator routing and failover come with more gateways.</summary>
    public ITextSender? SenderFor(string channel) =>
        Array.Find(_senders, s => s.Definition.Channel == channel);
}
