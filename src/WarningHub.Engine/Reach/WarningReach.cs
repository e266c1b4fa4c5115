using System.Globalization;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Reach;

/// <summary>
/// Reach to households and persons (到户到人) of one warning, and the list of those still to visit. It reads the
/// evidence from the ledger (receipts per address, officers' marks, plays and confirmations) and keeps, per warning,
/// who holds which address (<see cref="PersonIndex"/>) and whom the warning targets, while the registry and the
/// ledger's address books stay the same.
/// </summary>
public sealed class WarningReach(IReachEvidence ledger, IHouseholdMarks marks, IBroadcastConfirmations confirmations, RegistryHolder registry,
    Release.WarningRouting? routing = null)
{
    private const int WarningsKept = 4;
    private readonly Lock _gate = new();
    private readonly List<(long WarningId, CountyRegistry Registry, bool[] Selected, PersonIndex Index)> _kept = [];

    /// <summary>到村, 到户 and 到人 per county, town and village.</summary>
    public async Task<HouseholdReachReport> ReportAsync(WarningRecord warning, CancellationToken cancellationToken) =>
        HouseholdReachBuilder.Build(await EvidenceAsync(warning, null, cancellationToken));

    /// <summary>Households with persons no channel reached yet; of one village, and of some households only (a 包户干部's), when given.</summary>
    public async Task<IReadOnlyList<UnreachedHousehold>> UnreachedAsync(WarningRecord warning, string? villageCode, Func<Household, bool>? households,
        CancellationToken cancellationToken) =>
        UnreachedListBuilder.Build(await EvidenceAsync(warning, villageCode, cancellationToken), villageCode, households);

    /// <summary>The evidence now: every address of the warning, or only those of one village's persons and households.</summary>
    public async Task<ReachEvidence> EvidenceAsync(WarningRecord warning, string? villageCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        var county = registry.Current;
        var endpoints = registry.Endpoints;
        var smsBook = await ledger.AddressesAsync(warning.Id, Channels.Sms, cancellationToken);
        var weChatBook = await ledger.AddressesAsync(warning.Id, Channels.WeChat, cancellationToken);
        // Whom the release targeted: the public of its area (an authorised drill's too), nobody for an officers-only rule.
        var target = routing is null ? WarningContent.TargetOf(warning) : await routing.PersonsTargetedAsync(warning, cancellationToken);
        var (selected, index) = Indexed(warning, target, county, endpoints, smsBook, weChatBook);
        long? village = villageCode is null ? null : long.Parse(villageCode, CultureInfo.InvariantCulture);
        ChannelEvidence sms, weChat;
        if (villageCode is null)
        {
            sms = await ledger.EvidenceAsync(smsBook, null, cancellationToken);
            weChat = await ledger.EvidenceAsync(weChatBook, null, cancellationToken);
        }
        else
        {
            var (smsOrdinals, weChatOrdinals) = UnreachedListBuilder.OrdinalsOf(index, selected, villageCode);
            sms = await ledger.EvidenceAsync(smsBook, smsOrdinals, cancellationToken);
            weChat = await ledger.EvidenceAsync(weChatBook, weChatOrdinals, cancellationToken);
        }
        var marked = await marks.OfWarningAsync(warning.Id, village, cancellationToken);
        var broadcast = new Dictionary<long, DateTimeOffset>(await ledger.VillagesPlayedAsync(warning.Id, cancellationToken));
        foreach (var c in await confirmations.OfWarningAsync(warning.Id, cancellationToken))
        {
            if (!broadcast.TryGetValue(c.VillageCode, out var at) || c.At < at) broadcast[c.VillageCode] = c.At;
        }
        return new ReachEvidence(index, selected, sms, weChat, marked, broadcast, warning.ReleasedAt ?? warning.Effective);
    }

    private (bool[] Selected, PersonIndex Index) Indexed(WarningRecord warning, PlanTarget target, CountyRegistry county, CountyEndpoints endpoints, AddressBook sms, AddressBook weChat)
    {
        bool[]? selected = null;
        lock (_gate)
        {
            var at = _kept.FindIndex(k => k.WarningId == warning.Id && ReferenceEquals(k.Registry, county));
            if (at >= 0 && _kept[at].Index is var known && known.Fits(county, endpoints, sms, weChat)) return (_kept[at].Selected, known);
            if (at >= 0) selected = _kept[at].Selected;
        }
        // Built outside the lock: a county of a million persons takes a while, and other warnings' reports need not wait.
        selected ??= WarningPlanner.SelectPersons(target, county);
        var index = PersonIndex.Build(county, endpoints, sms, weChat);
        lock (_gate)
        {
            _kept.RemoveAll(k => k.WarningId == warning.Id);
            _kept.Add((warning.Id, county, selected, index));
            if (_kept.Count > WarningsKept) _kept.RemoveAt(0);
        }
        return (selected, index);
    }
}
