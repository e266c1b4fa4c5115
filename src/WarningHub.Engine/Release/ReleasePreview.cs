using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Templates;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Release;

/// <summary>One channel of a preview: how many addresses get the warning, and for text channels the parts of one message.</summary>
/// <param name="Recipients">Distinct addresses (phones, followers, terminals, robots, TV channels).</param>
/// <param name="Parts">SMS parts of one message (the channel's text through the gateway's segmentation); null for other channels.</param>
/// <param name="TotalParts">Parts over all recipients; null for other channels.</param>
/// <param name="P50Seconds">Forecast seconds until half the channel's recipients have their receipt.</param>
/// <param name="P95Seconds">Forecast seconds until 95 % have.</param>
public sealed record ChannelPreview(int Recipients, int? Parts, long? TotalParts, double P50Seconds, double P95Seconds);

/// <summary>The forecast of a preview and what it was computed from.</summary>
/// <param name="P50Seconds">Seconds from release until half the recipients of the slowest channel have their receipt.</param>
/// <param name="P95Seconds">The same for 95 %.</param>
/// <param name="SmsPartsPerSecond">The SMS gateways' rate the forecast used (summed over every routed gateway).</param>
/// <param name="BulletinSeconds">The loudspeaker bulletin's estimated length; null without a loudspeaker channel.</param>
/// <param name="ReceiptDelays">Per channel: the receipt delays used, from recent warnings or the defaults.</param>
public sealed record ReleaseForecast(double P50Seconds, double P95Seconds, double SmsPartsPerSecond, double? BulletinSeconds,
    IReadOnlyDictionary<string, ReceiptDelayUsed> ReceiptDelays);

/// <summary>The receipt delays a channel's forecast used.</summary>
/// <param name="Source"><c>history</c> (delivered minus sent in recent warnings) or <c>default</c>.</param>
/// <param name="MedianSeconds">The median delay.</param>
/// <param name="P95Seconds">The 95th percentile.</param>
/// <param name="Warnings">How many past warnings the history came from (0 for the default).</param>
public sealed record ReceiptDelayUsed(string Source, double MedianSeconds, double P95Seconds, int Warnings);

/// <summary>Who would get a warning on which channel, before release.</summary>
/// <param name="Rule">The release policy rule that matched.</param>
/// <param name="Audiences">Its audiences.</param>
/// <param name="ChannelsOff">Channels the CAP keeps off.</param>
/// <param name="Drill">The authorised drill an Exercise falls in (it then reaches the real population); null otherwise.</param>
/// <param name="PersonsTargeted">Persons of the public targeted (reach counts them).</param>
/// <param name="Channels">Per ledger channel with recipients.</param>
/// <param name="Forecast">The forecast.</param>
public sealed record PreviewResult(string Rule, IReadOnlyList<string> Audiences, IReadOnlyList<string> ChannelsOff, long? Drill, int PersonsTargeted,
    IReadOnlyDictionary<string, ChannelPreview> Channels, ReleaseForecast Forecast)
{
    /// <summary>
    /// For an Update or a Cancel, per channel, how many of the recipients are there because a warning it refers to
    /// reached them (or may have), beyond its own area: the correction or all-clear follows every earlier message.
    /// Empty for an Alert.
    /// </summary>
    public IReadOnlyDictionary<string, int> FollowUp { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);
}

/// <summary>
/// Answers, before release, who gets a warning on which channel: the plan comes from <see cref="WarningRouting"/> (the
/// planner a release uses), SMS parts from the channel's text template and the gateway's own segmentation, and the
/// forecast from the gateway's rate, the bulletin's length and receipt delays of recent warnings (README, "Preview").
/// Nothing is stored.
/// </summary>
public sealed class ReleasePreview(WarningRouting routing, WarningContent content, BroadcastLinks links, ChannelRouter router,
    IEnumerable<IBulletinSource> bulletins, TimeProvider time, IReceiptDelays? delays = null, IWarningStore? warnings = null,
    ILedgerMaintenance? ledger = null)
{
    /// <summary>Parts a second per connection assumed for a gateway with no configured rate (unlimited).</summary>
    public const int UnlimitedPartsPerSecondPerConnection = 1000;

    /// <summary>How many recent released warnings the receipt delays are read from.</summary>
    public const int HistoryWarnings = 20;

    /// <summary>The receipt delays assumed for a channel without history: median 10 s, 95th percentile 60 s.</summary>
    public static readonly ReceiptDelayUsed DefaultDelays = new("default", 10, 60, 0);

    private static readonly string[] BySms = [Channels.Sms, Channels.Broadcaster];
    private static readonly string[] Loudspeakers = [Channels.LoudspeakerIp, Channels.LoudspeakerSerial];

    /// <summary>The preview of a checked, unstored warning (<see cref="WarningRecord.Id"/> 0).</summary>
    /// <param name="warning">The warning as intake would store it.</param>
    /// <param name="cancellationToken">Ends the reads.</param>
    public async Task<PreviewResult> PreviewAsync(WarningRecord warning, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        if (warning.Id != 0) throw new ArgumentException("A preview is of an unstored warning (id 0).", nameof(warning));
        var now = time.GetUtcNow();
        var decision = routing.DecisionFor(warning);
        var plan = await routing.PlanAsync(warning, now, cancellationToken);
        var drill = await routing.DrillOfAsync(warning, now, cancellationToken);
        var sms = router.AdapterFor(Channels.Sms);
        // Several SMS gateways share the numbers (routing): their rates add up. The forecast assumes the numbers spread
        // over them in proportion to their rates; an operator split that loads one gateway more is not modelled.
        var gateways = router.RoutedAdaptersFor(Channels.Sms);
        var rate = gateways.Count == 0 ? RateOf(null) : gateways.Sum(RateOf);
        var own = plan.Channels.Where(c => c.Slots.Count > 0).ToList();
        var followUp = await FollowUpOfAsync(warning, own, cancellationToken);
        // Per channel: its recipients (own plan plus the follow-up) and a village for the broadcaster's link.
        var channels = own.Select(c => (c.Channel, Count: c.Slots.Count + followUp.GetValueOrDefault(c.Channel), Village: c.Slots[0].VillageCode))
            .Concat(followUp.Where(f => f.Value > 0 && own.All(c => c.Channel != f.Key)).Select(f => (Channel: f.Key, Count: f.Value, Village: 0L)))
            .ToList();

        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in channels.Where(c => BySms.Contains(c.Channel)))
        {
            var text = c.Channel == Channels.Broadcaster
                ? content.TextWithLink(warning, c.Channel, links.UrlOf(warning, c.Village.ToString(CultureInfo.InvariantCulture)))
                : content.TextWithLink(warning, c.Channel, "");
            parts[c.Channel] = sms is ISendCapacity capacity ? capacity.PartsOf(text) : SmsText.EstimateParts(text);
        }
        // SMS and the broadcasters' SMS share the gateway: both are through when all their parts have left.
        var smsSeconds = channels.Where(c => parts.ContainsKey(c.Channel)).Sum(c => (double)c.Count * parts[c.Channel]) / rate;
        double? bulletin = channels.Any(c => Loudspeakers.Contains(c.Channel)) && bulletins.FirstOrDefault() is { } source
            ? source.EstimateLength(warning).TotalSeconds
            : null;

        var used = new Dictionary<string, ReceiptDelayUsed>(StringComparer.Ordinal);
        var result = new Dictionary<string, ChannelPreview>(StringComparer.Ordinal);
        foreach (var c in channels)
        {
            var delay = await DelaysOf(c.Channel, cancellationToken);
            used[c.Channel] = delay;
            var send = parts.ContainsKey(c.Channel) ? smsSeconds : Loudspeakers.Contains(c.Channel) ? bulletin ?? 0 : 0;
            // Sends leave evenly over the send time (a bulletin plays whole on every terminal at once), then wait for their receipts.
            var spread = Loudspeakers.Contains(c.Channel) ? 1.0 : 0.5;
            var p50 = (spread * send) + delay.MedianSeconds;
            var p95 = ((Loudspeakers.Contains(c.Channel) ? 1.0 : 0.95) * send) + delay.P95Seconds;
            long? total = parts.TryGetValue(c.Channel, out var n) ? (long)n * c.Count : null;
            result[c.Channel] = new ChannelPreview(c.Count, parts.TryGetValue(c.Channel, out var p) ? p : null, total, Round(p50), Round(p95));
        }
        var forecast = new ReleaseForecast(result.Count == 0 ? 0 : result.Values.Max(c => c.P50Seconds), result.Count == 0 ? 0 : result.Values.Max(c => c.P95Seconds),
            rate, bulletin is { } b ? Round(b) : null, used);
        return new PreviewResult(decision.Rule, [.. decision.Audiences.Order(StringComparer.Ordinal)],
            [.. Core.Planning.Policy.ChannelsOff.Of(WarningContent.Alert(warning)).Order(StringComparer.Ordinal)], drill?.Id,
            plan.Targets.Sum(t => t.Persons), result, forecast)
        {
            FollowUp = followUp.Where(f => f.Value > 0).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// An Update or a Cancel also goes to every address its earlier warnings reached or may have reached, on every
    /// channel still served, once per address (as the release does): per channel, those not already in its own plan.
    /// </summary>
    private async Task<Dictionary<string, int>> FollowUpOfAsync(WarningRecord warning, IReadOnlyList<ChannelPlan> own, CancellationToken cancellationToken)
    {
        var extra = new Dictionary<string, int>(StringComparer.Ordinal);
        if (warning.MsgType is not (CapMsgType.Update or CapMsgType.Cancel) || warnings is null || ledger is null) return extra;
        var earlier = new List<long>();
        foreach (var publicId in warning.References)
        {
            if (await warnings.GetAsync(publicId, cancellationToken) is { } record) earlier.Add(record.Id);
        }
        var reached = await ledger.MayHaveReachedAsync(earlier, [.. router.PlanChannels().Served], cancellationToken);
        foreach (var (channel, addresses) in reached)
        {
            var mine = own.FirstOrDefault(c => c.Channel == channel)?.Slots.Select(s => s.Address).ToHashSet(StringComparer.Ordinal);
            extra[channel] = mine is null ? addresses.Count : addresses.Count(a => !mine.Contains(a));
        }
        return extra;
    }

    /// <summary>The SMS gateway's parts a second: its configured rate, or, unlimited, its connections at <see cref="UnlimitedPartsPerSecondPerConnection"/>.</summary>
    private static double RateOf(IChannelAdapter? sms) => sms switch
    {
        ISendCapacity { PartsPerSecond: > 0 } rated => rated.PartsPerSecond,
        ISendCapacity unlimited => Math.Max(1, unlimited.Connections) * UnlimitedPartsPerSecondPerConnection,
        _ => UnlimitedPartsPerSecondPerConnection,
    };

    private async Task<ReceiptDelayUsed> DelaysOf(string channel, CancellationToken cancellationToken)
    {
        if (delays is null || await delays.RecentAsync(channel, HistoryWarnings, cancellationToken) is not { } history) return DefaultDelays;
        return new ReceiptDelayUsed("history", Round(history.Median.TotalSeconds), Round(history.P95.TotalSeconds), history.Warnings);
    }

    private static double Round(double seconds) => Math.Round(seconds, 1);
}
