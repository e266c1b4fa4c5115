using Microsoft.Extensions.Options;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Sending.Routing;

/// <summary>
/// Chooses, among the adapters of one channel, the one that takes a message: the numbers of an operator go to the
/// gateways that name it (or name none); among those, the lowest priority with a usable gateway wins, and its usable
/// gateways share the numbers by weight. Usable: its connection is up (<see cref="IGatewayHealth"/>) and its circuit
/// is closed (<see cref="GatewayCircuits"/>). A number of an operator that no gateway takes may go through any.
/// The choice for one slot is stable while the gateways' states are (the weight is spread by the slot's id).
/// </summary>
public sealed class GatewayRoutes
{
    private readonly RoutingOptions _options;
    private readonly GatewayCircuits? _circuits;

    /// <param name="options">"WarningHub:Routing".</param>
    /// <param name="circuits">The gateways' circuit breakers; null: none (every gateway's circuit counts as closed).</param>
    public GatewayRoutes(IOptions<RoutingOptions> options, GatewayCircuits? circuits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _circuits = circuits;
        Ranges = new NumberRanges(_options.Operators);
    }

    /// <summary>The operators' number ranges in use.</summary>
    public NumberRanges Ranges { get; }

    /// <summary>The circuit breakers, when the hub has them.</summary>
    public GatewayCircuits? Circuits => _circuits;

    /// <summary>
    /// The route configured for an adapter, by its gateway's name ("mobile" for the adapter "smpp:mobile": settings keys
    /// cannot hold a colon); the default: every number, priority 0, weight 1.
    /// </summary>
    public GatewayRoute RouteOf(string adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        if (_options.Gateways.Count == 0) return Default;
        // Asked several times per slot on a channel with several gateways: resolved once per adapter name.
        return _routes.GetOrAdd(adapter, static (name, gateways) =>
            gateways.TryGetValue(GatewayNameOf(name), out var route) ? route : Default, _options.Gateways);
    }

    /// <summary>The gateway's (or account's) settings name of an adapter: "mobile" for "smpp:mobile", "city" for "wechat-oa:city".</summary>
    public static string GatewayNameOf(string adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var colon = adapter.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? adapter : adapter[(colon + 1)..];
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GatewayRoute> _routes = new(StringComparer.Ordinal);

    private static readonly GatewayRoute Default = new();

    /// <summary>True when the adapter can take a message now.</summary>
    public bool IsUsable(IChannelAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return adapter is not IGatewayHealth { Health.IsUp: false } && (_circuits?.IsClosed(adapter.Definition.Name) ?? true);
    }

    /// <summary>The adapter that takes this message now, or null when every one that could is down.</summary>
    /// <param name="candidates">The channel's adapters.</param>
    /// <param name="address">The recipient's address (a phone number on SMS; other channels ignore operators).</param>
    /// <param name="key">Spreads the weight: the slot's id.</param>
    /// <param name="byOperator">Route by the number's operator (SMS and the broadcasters' SMS).</param>
    public IChannelAdapter? Pick(IReadOnlyList<IChannelAdapter> candidates, string address, long key, bool byOperator)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 1) return IsUsable(candidates[0]) ? candidates[0] : null;
        var op = byOperator ? Ranges.OperatorOf(address) : null;
        var anyTakesIt = false;
        foreach (var adapter in candidates) anyTakesIt |= Takes(RouteOf(adapter.Definition.Name), op);

        IChannelAdapter? best = null;
        var bestPriority = int.MaxValue;
        var totalWeight = 0L;
        // First pass: the lowest priority among usable gateways that take the number; its total weight.
        foreach (var adapter in candidates)
        {
            var route = RouteOf(adapter.Definition.Name);
            if ((anyTakesIt && !Takes(route, op)) || !IsUsable(adapter)) continue;
            if (route.Priority < bestPriority)
            {
                bestPriority = route.Priority;
                totalWeight = 0;
                best = adapter;
            }
            if (route.Priority == bestPriority) totalWeight += Math.Max(1, route.Weight);
        }
        if (best is null || totalWeight <= Math.Max(1, RouteOf(best.Definition.Name).Weight)) return best;

        // Second pass: spread by weight, stable for the slot.
        var point = (long)(unchecked((ulong)key * 0x9E3779B97F4A7C15UL) % (ulong)totalWeight);
        foreach (var adapter in candidates)
        {
            var route = RouteOf(adapter.Definition.Name);
            if (route.Priority != bestPriority || (anyTakesIt && !Takes(route, op)) || !IsUsable(adapter)) continue;
            point -= Math.Max(1, route.Weight);
            if (point < 0) return adapter;
        }
        return best;
    }

    private static bool Takes(GatewayRoute route, string? op) => route.Operators.Count == 0 || (op is not null && route.Operators.Contains(op, StringComparer.Ordinal));
}
