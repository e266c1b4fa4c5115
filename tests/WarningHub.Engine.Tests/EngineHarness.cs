using WarningHub.Engine.Shared;
using WarningHub.Engine.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Ledger;
using WarningHub.Core.Planning;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Release;
using WarningHub.Engine.Sending;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Engine.Tests;

/// <summary>The engine's sending path on a real SQLite ledger, with fake time, a scripted adapter and recorded jobs.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-engine-");

    public EngineHarness(ITextSender sender, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 0, 0, 0, TimeSpan.Zero));
        Database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(_folder.FullName, "hub.db") });
        Ledger = new SqliteLedger(Database, Time);
        Warnings = new SqliteWarningStore(Database);
        var options = Options.Create(new EngineOptions { ClaimBatch = 100, MaxAttempts = 3 });
        Lifecycle = new WarningLifecycle(Warnings, Ledger, Active, Time, NullLogger<WarningLifecycle>.Instance);
        var queue = Queue = new ShardQueue(Jobs, Time);
        Waits = new GatewayWaits(queue, Active, Time, NullLogger<GatewayWaits>.Instance);
        var payloads = new ShardPayloadFactory(new WarningContent(options, WarningHub.Core.Templates.Text.TextTemplates.Load()), new BroadcastLinks(options), [], Journal = new WriteJournal(Ledger), NullLogger<ShardPayloadFactory>.Instance);
        var runner = new ShardRunner(Ledger, Ledger, Warnings, new ChannelRouter([sender], []), payloads,
            new SlotOutcomePolicy(new RetryPolicy(options, () => 0.5), Active, Time), Waits, queue, Lifecycle, Active, options, Time, NullLogger<ShardRunner>.Instance);
        Job = new ShardJob(runner);
    }

    public FakeTimeProvider Time { get; }

    public SqliteDatabase Database { get; }

    public SqliteLedger Ledger { get; }

    public SqliteWarningStore Warnings { get; }

    public ActiveWarnings Active { get; } = new();

    public RecordingJobClient Jobs { get; } = new();

    public WarningLifecycle Lifecycle { get; }

    public GatewayWaits Waits { get; }

    public ShardQueue Queue { get; }

    public WriteJournal Journal { get; }

    public ShardJob Job { get; }

    /// <summary>A released warning with <paramref name="slots"/> SMS slots; returns it and its shards.</summary>
    public async Task<(WarningRecord Warning, IReadOnlyList<ShardInfo> Shards)> ReleasedWarningAsync(int slots, TimeSpan? expiresIn = null)
    {
        var now = Time.GetUtcNow();
        var alert = CapXmlReader.Read(File.ReadAllText(SamplePath("red-rainstorm.cap.xml"))).EnsureValid();
        var expires = now + (expiresIn ?? TimeSpan.FromHours(6));
        alert = alert with
        {
            Identifier = "engine-test-" + Guid.NewGuid().ToString("N"),
            Infos = alert.Infos.Select(i => i with { Effective = now, Expires = expires }).ToList(),
        };
        var accepted = await Warnings.AcceptAsync(new WarningRecord
        {
            PublicId = "",
            Sender = alert.Sender,
            Identifier = alert.Identifier,
            Fingerprint = alert.ComputeFingerprint(),
            CapStatus = CapStatus.Actual,
            MsgType = CapMsgType.Alert,
            Event = "暴雨",
            Level = WarningLevel.Red,
            Headline = "暴雨红色预警",
            Sent = now,
            Effective = now,
            Expires = expires,
            ReceivedAt = now,
            SubmittedBy = "test",
            CapXml = CapXmlWriter.ToXml(alert),
            State = WarningState.Released,
        }, default);
        var warning = accepted.Warning;
        var plan = new WarningPlan(warning.Id, [new VillageTarget(511124001001, slots, 0)],
            [new ChannelPlan("sms", Enumerable.Range(0, slots).Select(i => new PlannedSlot($"1380013{i:D4}", 511124001001, 1)).ToList(), 1000)]);
        var shards = await Ledger.PersistPlanAsync(plan, null, default);
        return (warning, shards);
    }

    public Task<SlotCounts> CountsAsync(long warningId) => Ledger.CountAsync(warningId, "sms", default);

    private static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", "samples", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("config/samples not found above the test binaries", name);
    }

    public async ValueTask DisposeAsync()
    {
        Queue.Dispose();
        await Journal.DisposeAsync();
        Active.Dispose();
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
