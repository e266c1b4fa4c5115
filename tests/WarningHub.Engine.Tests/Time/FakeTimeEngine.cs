using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using WarningHub.Abstractions;
using WarningHub.Core.Cap;
using WarningHub.Core.Ledger;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Hosting;
using WarningHub.Engine.Intake;
using WarningHub.Engine.Release;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Engine.Tests.Time;

/// <summary>
/// The whole engine as <c>serve</c> builds it (Quartz, Hangfire workers, the release outbox, gateway waits, the
/// receipt pump) on a real SQLite ledger, with one difference: the container's <see cref="TimeProvider"/> is a
/// <see cref="FakeTimeProvider"/>. Quartz takes the container's clock, and the engine's own loops and timers take
/// the same one, so a test advances time to a warning's effective or expiry instead of waiting for it.
/// </summary>
internal sealed class FakeTimeEngine : IAsyncDisposable
{
    /// <summary>Fake time starts here (UTC), a whole second, as CAP times are.</summary>
    public static readonly DateTimeOffset Start = new(2026, 7, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder;
    private readonly Func<DirectoryInfo, FakeTimeProvider, Task<FakeTimeEngine>> _start;
    private bool _restarted;

    private FakeTimeEngine(DirectoryInfo folder, FakeTimeProvider time, IHost host, ClockedGateway gateway, ClockedSpeakers? speakers,
        Func<DirectoryInfo, FakeTimeProvider, Task<FakeTimeEngine>> start)
    {
        _folder = folder;
        Time = time;
        Host = host;
        Gateway = gateway;
        Speakers = speakers;
        _start = start;
    }

    public FakeTimeProvider Time { get; }

    public IHost Host { get; }

    public ClockedGateway Gateway { get; }

    public ClockedSpeakers? Speakers { get; }

    public IWarningStore Warnings => Host.Services.GetRequiredService<IWarningStore>();

    public ILedger Ledger => Host.Services.GetRequiredService<ILedger>();

    public ILedgerMaintenance Maintenance => Host.Services.GetRequiredService<ILedgerMaintenance>();

    public ReleaseOutbox Outbox => Host.Services.GetRequiredService<ReleaseOutbox>();

    /// <param name="persons">Synthetic persons of the sample county (about nine in ten have a phone of their own).</param>
    /// <param name="speakers">Also one IP loudspeaker per village, with silent bulletins.</param>
    /// <param name="officers">Also the generated officers and who answers for what (叫应, door to door), phones only.</param>
    public static Task<FakeTimeEngine> StartAsync(Action<EngineOptions>? configure = null, int persons = 300, bool speakers = false,
        int gatewayInFlight = 4, bool officers = false)
    {
        Task<FakeTimeEngine> Launch(DirectoryInfo folder, FakeTimeProvider time) =>
            StartInAsync(folder, time, configure, persons, speakers, gatewayInFlight, officers, Launch);
        return Launch(Directory.CreateTempSubdirectory("warninghub-faketime-"), new FakeTimeProvider(Start));
    }

    /// <summary>
    /// Stops this engine and starts a new one on the same database, its clock where this one's stopped: a restart. This
    /// instance is done with; dispose the one returned.
    /// </summary>
    public async Task<FakeTimeEngine> RestartAsync()
    {
        Gateway.Open();
        await Host.StopAsync();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        _restarted = true;
        return await _start(_folder, new FakeTimeProvider(Time.GetUtcNow()));
    }

    private static async Task<FakeTimeEngine> StartInAsync(DirectoryInfo folder, FakeTimeProvider time, Action<EngineOptions>? configure, int persons,
        bool speakers, int gatewayInFlight, bool officers, Func<DirectoryInfo, FakeTimeProvider, Task<FakeTimeEngine>> start)
    {
        var gateway = new ClockedGateway(time, maxInFlight: gatewayInFlight);
        var speakerAdapter = speakers ? new ClockedSpeakers(time) : null;
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = persons, Seed = 7 })
            .Generate(RegistryCsv.LoadCounty(ConfigPath(Path.Combine("regions", "jingyan"))));
        var endpoints = speakers
            ? new CountyEndpoints(registry.Villages.Select((v, i) => new Terminal("t" + v.Code, v.Code, Core.Planning.Channels.LoudspeakerIp,
                $"rtp://10.0.{i / 200}.{(i % 200) + 1}:5004", IsTest: false)), [], [])
            : CountyEndpoints.Empty;
        if (officers)
        {
            var generated = EndpointGenerator.Generate(registry, (_, _) => "rtp://127.0.0.1:5004", (_, _) => "serial:unused");
            endpoints = new CountyEndpoints(endpoints.Terminals, [], generated.Officers, generated.Responsibilities);
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSqliteStorage(o => o.Path = Path.Combine(folder.FullName, "hub.db"));
        services.Configure<EngineOptions>(o =>
        {
            o.LinkSecret = "fake-time-link-secret-0123456789";
            o.Workers = 2;
            o.EndpointWorkers = 2;
            configure?.Invoke(o);
        });
        // These tests are about time, not 审核签发: every warning is released without approvers, said here on purpose.
        services.Configure<WarningHub.Engine.Approval.ApprovalOptions>(o => o.Rules.Add(new WarningHub.Engine.Approval.ApprovalRule { Approvers = 0 }));
        services.TryAddNamedAdapter(gateway.Definition.Name, _ => gateway);
        if (speakerAdapter is not null)
        {
            services.TryAddNamedAdapter(speakerAdapter.Definition.Name, _ => speakerAdapter);
            services.AddSingleton<Shared.IBulletinSource, SilentBulletins>();
        }
        services.AddWarningHubEngine(_ => registry, _ => endpoints);
        var host = builder.Build();
        await host.StartAsync();
        return new FakeTimeEngine(folder, time, host, gateway, speakerAdapter, start);
    }

    /// <summary>The sample red rainstorm warning on fake time: sent now, effective and expiring when asked.</summary>
    public CapAlert Alert(TimeSpan? effectiveIn = null, TimeSpan? expiresIn = null)
    {
        var alert = CapXmlReader.Read(File.ReadAllText(ConfigPath(Path.Combine("samples", "red-rainstorm.cap.xml")))).EnsureValid();
        var now = Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var effective = now + (effectiveIn ?? TimeSpan.Zero);
        return alert with
        {
            Identifier = "fake-time-" + Guid.NewGuid().ToString("N"),
            Sent = now,
            Infos = alert.Infos.Select(i => i with { Effective = effective, Onset = effective, Expires = effective + (expiresIn ?? TimeSpan.FromHours(6)) }).ToList(),
        };
    }

    /// <summary>Accepts <paramref name="alert"/> as the API would; fails the test if intake refuses it.</summary>
    public async Task<WarningRecord> SubmitAsync(CapAlert alert)
    {
        var result = await Host.Services.GetRequiredService<WarningIntake>().SubmitAsync(alert, "fake-time-test", default);
        Assert.True(result.Warning is not null, $"intake refused the warning: {result.Outcome} {string.Join("; ", result.Problems)}");
        return result.Warning!;
    }

    public async Task<WarningRecord> WarningAsync(long id) => (await Warnings.GetByIdAsync(id, default))!;

    public Task<SlotCounts> CountsAsync(long warningId, string channel = Core.Planning.Channels.Sms) => Maintenance.CountAsync(warningId, channel, default);

    /// <summary>Waits (in real time, boundedly) until the warning is in <paramref name="state"/>; fails the test otherwise.</summary>
    public async Task WaitForStateAsync(long warningId, WarningState state)
    {
        var reached = await Eventually.TrueAsync(async () => (await WarningAsync(warningId)).State == state, TimeSpan.FromSeconds(20));
        Assert.True(reached, $"warning {warningId} is {(await WarningAsync(warningId)).State}, not {state}");
    }

    /// <summary>Waits until no slot of the channel is open (every one final or waiting for its receipt).</summary>
    public async Task<SlotCounts> WaitForHandedOverAsync(long warningId, string channel = Core.Planning.Channels.Sms)
    {
        SlotCounts counts = default!;
        var done = await Eventually.TrueAsync(async () =>
        {
            counts = await CountsAsync(warningId, channel);
            return counts.Total > 0 && counts.Final + counts[DeliveryStatus.Sent] == counts.Total;
        }, TimeSpan.FromSeconds(30));
        Assert.True(done, $"slots of warning {warningId} on {channel} still open: {counts}");
        return counts;
    }

    /// <summary>True once Quartz holds a trigger of the warning in <paramref name="group"/> (release, expire, repeat).</summary>
    public async Task<bool> HasTriggerAsync(long warningId, string group)
    {
        var scheduler = await Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(default);
        return await scheduler.Exists(new TriggerKey(warningId.ToString(System.Globalization.CultureInfo.InvariantCulture), group), default);
    }

    /// <summary>Waits until Quartz holds the warning's trigger in <paramref name="group"/>: the engine has decided when.</summary>
    public async Task WaitForTriggerAsync(long warningId, string group) =>
        Assert.True(await Eventually.TrueAsync(() => HasTriggerAsync(warningId, group), TimeSpan.FromSeconds(20)), $"no {group} trigger for warning {warningId}");

    /// <summary>Moves fake time to <paramref name="at"/>.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var by = at - Time.GetUtcNow();
        Assert.True(by >= TimeSpan.Zero, $"fake time is already past {at:O}");
        Time.Advance(by);
    }

    private static string ConfigPath(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config", relative);
            if (File.Exists(candidate) || Directory.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("config/ not found above the test binaries", relative);
    }

    public async ValueTask DisposeAsync()
    {
        if (_restarted) return; // the engine that took over owns the folder
        Gateway.Open(); // sends a test left held (an all-clear after a cancel) finish instead of stalling the stop
        await Host.StopAsync();
        Host.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }
}
