namespace WarningHub.Core.Registry;

/// <summary>What an officer does for warnings.</summary>
public enum OfficerRole
{
    /// <summary>村干部: answers for a village, goes door to door.</summary>
    VillageCadre = 1,

    /// <summary>镇/街道 duty officer: answers for a town.</summary>
    TownOfficer = 2,

    /// <summary>村广播员: plays bulletins on the village loudspeakers.</summary>
    Broadcaster = 3,

    /// <summary>县值班: the county's duty officer, last tier of the answering chain.</summary>
    CountyOfficer = 4,
}

/// <summary>A responsible person of a village, town or the county. Officers are not the public: tests reach them marked as tests.</summary>
public sealed record Officer(long Id, string Name, string Phone, string RegionCode, OfficerRole Role);

/// <summary>
/// A loudspeaker terminal (大喇叭) of a village. <paramref name="Channel"/> is the ledger channel that plays it
/// (loudspeakerIp or loudspeakerSerial) and <paramref name="Address"/> the endpoint that channel's adapter parses.
/// </summary>
/// <param name="IsTest">A terminal set aside for Test and Exercise bulletins (in the bureau, not in a village square).</param>
public sealed record Terminal(string Id, string VillageCode, string Channel, string Address, bool IsTest);

/// <summary>A follower of a WeChat official account, bound to a village and maybe a household.</summary>
/// <param name="OpenId">The follower's openid, which only the account it follows can send to.</param>
/// <param name="Account">
/// The hub's name of the account followed ("WarningHub:WeChat:&lt;account&gt;"); null: the only account, or the one the
/// routing names as default (Routing:Gateways:&lt;account&gt;:Default) when there are several.
/// </param>
public sealed record Subscriber(string OpenId, string VillageCode, long? HouseholdId, bool IsTest, string? Account = null)
{
    /// <summary>The follower's ledger address: what the planner writes in its slot and reach looks up (<see cref="FollowerAddress"/>).</summary>
    public string Address => FollowerAddress.Of(Account, OpenId);
}

/// <summary>
/// The county's endpoints beside its persons: terminals, subscribers, officers and who answers for what. Looked
/// up by village; kept apart from <see cref="CountyRegistry"/> so persons can be reloaded without them and the reverse.
/// </summary>
public sealed partial class CountyEndpoints
{
    private readonly ILookup<string, Terminal> _terminals;
    private readonly ILookup<string, Subscriber> _subscribers;
    private readonly ILookup<string, Officer> _officers;
    private readonly ILookup<string, Responsibility> _responsibilities;
    private readonly Dictionary<long, Officer> _officerById;

    public CountyEndpoints(IEnumerable<Terminal> terminals, IEnumerable<Subscriber> subscribers, IEnumerable<Officer> officers)
        : this(terminals, subscribers, officers, [])
    {
    }

    public CountyEndpoints(IEnumerable<Terminal> terminals, IEnumerable<Subscriber> subscribers, IEnumerable<Officer> officers, IEnumerable<Responsibility> responsibilities)
    {
        Terminals = terminals.ToList();
        Subscribers = subscribers.ToList();
        Officers = officers.ToList();
        Responsibilities = responsibilities.ToList();
        _terminals = Terminals.ToLookup(t => t.VillageCode, StringComparer.Ordinal);
        _subscribers = Subscribers.ToLookup(s => s.VillageCode, StringComparer.Ordinal);
        _officers = Officers.ToLookup(o => o.RegionCode, StringComparer.Ordinal);
        _responsibilities = Responsibilities.ToLookup(r => r.RegionCode, StringComparer.Ordinal);
        _officerById = Officers.DistinctBy(o => o.Id).ToDictionary(o => o.Id);
    }

    public static CountyEndpoints Empty { get; } = new([], [], [], []);

    public IReadOnlyList<Terminal> Terminals { get; }

    public IReadOnlyList<Subscriber> Subscribers { get; }

    public IReadOnlyList<Officer> Officers { get; }

    public IEnumerable<Terminal> TerminalsOf(string villageCode) => _terminals[villageCode];

    public IEnumerable<Subscriber> SubscribersOf(string villageCode) => _subscribers[villageCode];

    /// <summary>Who answers for what (responsibilities.csv), in file order.</summary>
    public IReadOnlyList<Responsibility> Responsibilities { get; }

    /// <summary>Officers of a village or a town (by its 12-digit code).</summary>
    public IEnumerable<Officer> OfficersOf(string regionCode) => _officers[regionCode];

    /// <summary>The officer with this id, or null.</summary>
    public Officer? FindOfficer(long id) => _officerById.GetValueOrDefault(id);

    /// <summary>The responsibilities filed under exactly this region (12-digit code); not those of the regions around it.</summary>
    public IEnumerable<Responsibility> ResponsibilitiesOf(string regionCode) => _responsibilities[regionCode];

    /// <summary>A copy with other responsibilities.</summary>
    public CountyEndpoints WithResponsibilities(IEnumerable<Responsibility> responsibilities) =>
        new(Terminals, Subscribers, Officers, responsibilities);
}
