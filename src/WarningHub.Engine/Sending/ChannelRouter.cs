using WarningHub.Abstractions;
using WarningHub.Core.Planning;

namespace WarningHub.Engine.Sending;

/// <summary>Finds the adapter that serves a ledger channel: a text sender or an audio broadcaster.</summary>
public sealed class ChannelRouter(IEnumerable<ITextSender> senders, IEnumerable<IAudioBroadcaster> broadcasters)
{
    private readonly IChannelAdapter[] _adapters = [.. senders, .. broadcasters];

    /// <summary>Every adapter of the hub, text senders first.</summary>
    public IReadOnlyList<IChannelAdapter> Adapters => _adapters;

    /// <summary>
    /// The channels some adapter serves. Broadcasters get an SMS with a link to the bulletin, so they are served
    /// when SMS is and some adapter plays audio (then there is a bulletin to link to).
    /// </summary>
    public IReadOnlySet<string> Channels
    {
        get
        {
            var channels = _adapters.Select(s => s.Definition.Channel).ToHashSet(StringComparer.Ordinal);
            if (channels.Contains(Core.Planning.Channels.Sms) && _adapters.OfType<IAudioBroadcaster>().Any()) channels.Add(Core.Planning.Channels.Broadcaster);
            return channels;
        }
    }

    /// <summary>What the planner may plan for: the served channels, TV channels and town robots.</summary>
    public PlanChannels PlanChannels()
    {
        IReadOnlyList<string> Fixed(string channel) =>
            _adapters.OfType<IFixedAddresses>().Where(a => a.Definition.Channel == channel).SelectMany(a => a.Addresses).Distinct(StringComparer.Ordinal).ToList();
        return new PlanChannels(Channels, Fixed(Core.Planning.Channels.Tv), Fixed(Core.Planning.Channels.WeCom).ToDictionary(t => t, t => t, StringComparer.Ordinal));
    }

    /// <summary>The adapter for a channel. The first registered wins; per-operator routing and failover come with more gateways.</summary>
    public IChannelAdapter? AdapterFor(string channel) => AdaptersFor(channel).FirstOrDefault();

    /// <summary>Every adapter that can serve a ledger channel (broadcasters' links go by SMS).</summary>
    public IEnumerable<IChannelAdapter> AdaptersFor(string channel)
    {
        var via = channel == Core.Planning.Channels.Broadcaster ? Core.Planning.Channels.Sms : channel;
        return _adapters.Where(s => s.Definition.Channel == via);
    }
}
