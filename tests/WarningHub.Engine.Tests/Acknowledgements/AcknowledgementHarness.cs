using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Quartz;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Engine.Notices;
using WarningHub.Engine.Sending;
using WarningHub.Engine.Shared;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Engine.Tests.Acknowledgements;

/// <summary>
/// 叫应 on the engine harness (real SQLite ledger, fake time) with a hand-made county: two villages of one town,
/// a cadre each, a broadcaster in the first, the town's officer and the county's duty officer. Quartz is a real RAM
/// scheduler that is never started: tests read the triggers it holds and run the deadline work themselves.
/// </summary>
internal sealed class AcknowledgementHarness : IAsyncDisposable
{
    public const string County = "511124000000";
    public const string Town = "511124100000";
    public const string VillageA = "511124100201";
    public const string VillageB = "511124100202";

    private readonly IScheduler _quartz;
    private readonly ServiceProvider _services;

    /// <param name="options">The 叫应 settings; the defaults when null.</param>
    /// <param name="weCom">A WeCom robot adapter beside the SMS one, for the towns it lists; none when null.</param>
    public AcknowledgementHarness(AcknowledgementOptions? options = null, ITextSender? weCom = null)
    {
        Sms = new ScriptedSender((_, _) => DeliveryResult.Accepted(["x"]));
        Engine = new EngineHarness(Sms);
        // Quartz as the hub configures it (RAM store); each container has its own scheduler, as two hubs in one process do.
        _services = new ServiceCollection().AddQuartz(q => q.UseInMemoryStore()).BuildServiceProvider();
        var factory = _services.GetRequiredService<ISchedulerFactory>();
        _quartz = factory.GetScheduler().AsTask().GetAwaiter().GetResult();
        Scheduler = new AcknowledgementScheduler(factory);
        Registry = new RegistryHolder { Current = Build(), Endpoints = Endpoints() };
        Store = new SqliteAcknowledgementStore(Engine.Database);
        Notices = new SqliteNoticeStore(Engine.Database);
        var engineOptions = Options.Create(new EngineOptions { LinkSecret = "test-link-secret-0123456789", PublicBaseUrl = "http://127.0.0.1:8080" });
        var router = new ChannelRouter(weCom is null ? [Sms] : [Sms, weCom], []);
        Outbox = new NoticeOutbox(Notices, Engine.Warnings, router, new Sending.RetryPolicy(engineOptions, () => 0.5), Options.Create(new NoticeOptions()),
            Engine.Time, NullLogger<NoticeOutbox>.Instance);
        Links = new AcknowledgementLinks(engineOptions);
        Texts = new AcknowledgementTexts(Links, engineOptions);
        Calls = new AcknowledgementCalls(Store, Outbox, Texts, Scheduler, Registry, router, Options.Create(options ?? new AcknowledgementOptions()),
            Engine.Time, NullLogger<AcknowledgementCalls>.Instance);
        Escalation = new AcknowledgementEscalation(Store, Engine.Warnings, Outbox, Texts, Registry, router, Engine.Time,
            NullLogger<AcknowledgementEscalation>.Instance);
        Replies = new ReplyPump([], Store, NullLogger<ReplyPump>.Instance);
    }

    public EngineHarness Engine { get; }

    public ScriptedSender Sms { get; }

    public RegistryHolder Registry { get; }

    public SqliteAcknowledgementStore Store { get; }

    public SqliteNoticeStore Notices { get; }

    public NoticeOutbox Outbox { get; }

    public AcknowledgementLinks Links { get; }

    public AcknowledgementTexts Texts { get; }

    public AcknowledgementScheduler Scheduler { get; }

    public AcknowledgementCalls Calls { get; }

    public AcknowledgementEscalation Escalation { get; }

    public ReplyPump Replies { get; }

    /// <summary>When the Quartz trigger of a warning's next 叫应 deadline fires, or null when none is scheduled.</summary>
    public async Task<DateTimeOffset?> TriggerAtAsync(long warningId)
    {
        var trigger = await _quartz.GetTrigger(new TriggerKey(warningId.ToString(System.Globalization.CultureInfo.InvariantCulture), AcknowledgementScheduler.Group));
        return trigger?.StartTimeUtc;
    }

    /// <summary>The texts an officer's phone was sent, in order.</summary>
    public async Task<IReadOnlyList<string>> TextsToAsync(long warningId, string phone) =>
        (await Notices.OfWarningAsync(warningId, null, default)).Where(n => n.Notice.Address == phone && n.Notice.Channel == "sms").Select(n => n.Notice.Text).ToList();

    public async ValueTask DisposeAsync()
    {
        await _quartz.Shutdown();
        await _services.DisposeAsync();
        await Engine.DisposeAsync();
    }

    public static string PhoneOf(long officer) => $"1390000000{officer}";

    private static CountyRegistry Build() => new(
        [
            new Region(County, "井研县", RegionLevel.County, "511100000000"),
            new Region(Town, "示例镇", RegionLevel.Town, County),
            new Region(VillageA, "一村", RegionLevel.Village, Town),
            new Region(VillageB, "二村", RegionLevel.Village, Town),
        ],
        [new Household(1, VillageA, "一村1组1号", null, null), new Household(2, VillageB, "二村1组1号", null, null)],
        [new Person(1, "居民1", "13800138001", 1, VillageA, null, null, false), new Person(2, "居民2", "13800138002", 2, VillageB, null, null, false)]);

    private static CountyEndpoints Endpoints() => new(
        [],
        [],
        [
            new Officer(1, "甲村干部", PhoneOf(1), VillageA, OfficerRole.VillageCadre),
            new Officer(2, "乙村干部", PhoneOf(2), VillageB, OfficerRole.VillageCadre),
            new Officer(3, "镇值班员", PhoneOf(3), Town, OfficerRole.TownOfficer),
            new Officer(4, "县值班员", PhoneOf(4), County, OfficerRole.CountyOfficer),
            new Officer(5, "甲村广播员", PhoneOf(5), VillageA, OfficerRole.Broadcaster),
            new Officer(6, "乙村包户干部", PhoneOf(6), VillageB, OfficerRole.VillageCadre),
        ],
        [
            new Responsibility(VillageA, 1, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both),
            new Responsibility(VillageB, 2, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both),
            new Responsibility(VillageA, 5, ResponsibilityTier.Village, WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
            new Responsibility(VillageB, 6, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.DoorToDoor),
            new Responsibility(Town, 3, ResponsibilityTier.Town, WarningLevelSet.All, ResponsibilityDuties.Acknowledge),
            new Responsibility(County, 4, ResponsibilityTier.County, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
        ]);
}
