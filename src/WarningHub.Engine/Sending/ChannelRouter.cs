using Microsoft.Extensions.Options;
using WarningHub.Abstractions;
using WarningHub.Core.Planning;
using WarningHub.Core.Registry;
using WarningHub.Engine.Sending.Routing;

namespace WarningHub.Engine.Sending;

/// <summary>
/// Finds the adapters that serve a ledger channel (text senders and audio broadcasters), and for one message the
/// adapter that takes it when a channel has several (<see cref="GatewayRoutes"/>: by operator, priority and weight,
/// skipping gateways that are down or whose circuit is open; WeChat by the account the follower's address names).
/// </summary>
/// <param name="senders">Every text sender of the hub.</param>
/// <param name="broadcasters">Every audio broadcaster of the hub.</param>
/// <param name="routes">How a channel's adapters share its messages; null: default routes (every number to any gateway).</param>
public sealed class ChannelRouter(IEnumerable<ITextSender> senders, IEnumerable<IAudioBroadcaster> broadcasters, GatewayRoutes? routes = null)
{
    private readonly IChannelAdapter[] _adapters = [.. senders, .. broadcasters];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IChannelAdapter[]> _byChannel = new(StringComparer.Ordinal);

    /// <summary>How the adapters of a channel share its messages.</summary>
    public GatewayRoutes Routes { get; } = routes ?? new GatewayRoutes(Options.Create(new RoutingOptions()));

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

    /// <summary>An adapter for a channel, for what needs one and has no address yet (a payload's shape): the first registered.</summary>
    public IChannelAdapter? AdapterFor(string channel) => AdaptersFor(channel) is [var first, ..] ? first : null;

    /// <summary>The adapter that takes a message to <paramref name="address"/> now; null when every one that could is down.</summary>
    /// <param name="channel">The ledger channel.</param>
    /// <param name="address">The recipient's address.</param>
    /// <param name="key">The slot's (or notice's) id: spreads weights, stable for one message.</param>
    public IChannelAdapter? AdapterFor(string channel, string address, long key)
    {
        var candidates = RoutedAdaptersFor(channel);
        if (ByAccount(channel) && candidates.Count > 1)
        {
            // A follower's openid is its account's: no other account can reach them, so there is no failover; while
            // the account is out of the rotation its followers wait (null: unavailable, no attempt spent).
            return AccountOf(candidates, address) is { } account && Routes.IsUsable(account) ? account : null;
        }
        return Routes.Pick(candidates, address, key, ByOperator(channel));
    }

    /// <summary>
    /// The adapters that share a channel's messages: every SMS gateway (any can reach any number) and every WeChat account
    /// (each follower's address names the account it follows); on other channels the first adapter only, because their
    /// addresses belong to one adapter (a terminal heartbeats to its own network) and do not say which.
    /// </summary>
    public IReadOnlyList<IChannelAdapter> RoutedAdaptersFor(string channel)
    {
        var all = AdaptersFor(channel);
        return ByOperator(channel) || ByAccount(channel) || all.Count <= 1 ? all : [all[0]];
    }

    /// <summary>
    /// The account a follower's address names (<see cref="FollowerAddress"/>): the adapter whose gateway name is the
    /// account, or for an address that names none the one routed as default (Routing:Gateways:&lt;account&gt;:Default).
    /// Null when no adapter is that account.
    /// </summary>
    private IChannelAdapter? AccountOf(IReadOnlyList<IChannelAdapter> candidates, string address)
    {
        var account = FollowerAddress.AccountOf(address);
        foreach (var adapter in candidates)
        {
            if (account is null ? Routes.RouteOf(adapter.Definition.Name).Default : GatewayRoutes.GatewayNameOf(adapter.Definition.Name) == account) return adapter;
        }
        return null;
    }

    /// <summary>Every adapter that can serve a ledger channel (broadcasters' links go by SMS).</summary>
    public IReadOnlyList<IChannelAdapter> AdaptersFor(string channel) =>
        _byChannel.GetOrAdd(channel, static (channel, adapters) =>
        {
            var via = channel == Core.Planning.Channels.Broadcaster ? Core.Planning.Channels.Sms : channel;
            return [.. adapters.Where(s => s.Definition.Channel == via)];
        }, _adapters);

    /// <summary>WeChat goes by the account the follower's address names.</summary>
    public static bool ByAccount(string channel) => channel is Core.Planning.Channels.WeChat;

    /// <summary>SMS (and the broadcasters' SMS) go by the number's operator; other channels' addresses have none.</summary>
    public static bool ByOperator(string channel) => channel is Core.Planning.Channels.Sms or Core.Planning.Channels.Broadcaster;
}
