using System.Globalization;
using WarningHub.Simulators.Cmpp;
using WarningHub.Simulators.Sgip;
using WarningHub.Simulators.Smgp;

namespace WarningHub.FaultBattery.Carriers;

/// <summary>
/// One simulated operator gateway (ISMG, SMG or SMGW) in this process, recording every submit, and the hub's settings
/// for a gateway that talks to it. The same face for the three protocols, so one battery runs against each.
/// </summary>
public abstract class CarrierPeer : IAsyncDisposable
{
    private int _disposed;

    /// <summary>The password (shared secret) the simulators expect.</summary>
    public const string Password = "secret";

    public abstract CarrierKind Kind { get; }

    /// <summary>The port the hub connects to (the simulator's, or the fault proxy's in front of it).</summary>
    public abstract int Port { get; }

    /// <summary>Every submit received so far, with its time.</summary>
    public abstract IReadOnlyList<SubmitRecord> Submits { get; }

    /// <summary>Submits answered with flow control (CMPP Result 8, SGIP Result 11, SMGP Status 1).</summary>
    public abstract long FlowControlled { get; }

    /// <summary>Logins refused (wrong password).</summary>
    public abstract long RefusedLogins { get; }

    /// <summary>Phones with at least one whole message so far.</summary>
    public int PhonesWithAMessage => SubmitTally.Received(Submits).Count(r => r.Value.CompleteMessages > 0);

    /// <summary>Starts a simulator of <paramref name="kind"/> on 127.0.0.1.</summary>
    /// <param name="kind">The protocol.</param>
    /// <param name="port">Its port; 0 for a free one (a restarted gateway takes its old one).</param>
    /// <param name="spListenPort">SGIP only: where the hub takes the SMG's own connection for reports.</param>
    /// <param name="admitPerSecond">Submits per second the gateway admits; beyond it flow control. 0: any rate.</param>
    public static CarrierPeer Start(CarrierKind kind, int port = 0, int spListenPort = 0, int admitPerSecond = 0)
    {
        EnoughThreads();
        return kind switch
        {
            CarrierKind.Cmpp => new CmppPeer(port, admitPerSecond),
            CarrierKind.Sgip => new SgipPeer(port, spListenPort, admitPerSecond),
            _ => new SmgpPeer(port, admitPerSecond),
        };
    }

    /// <summary>
    /// The simulator stamps each submit when this process's thread pool gets to it, so a pool short of threads turns
    /// the hub's even pace into a burst in the count. With `serve` in a child process (the kill fault) this test
    /// process starts at the pool's minimum of one thread per core: sampled every 50 ms, the pool sat at 8 threads
    /// with 2 items waiting while the simulator's count stood still for 650 ms, then jumped by 126, although the hub
    /// wrote 25-27 submits every 100 ms throughout (386-394 "in one second" at a paced 300/s, in half the runs). With
    /// 16 threads from the start, 28 kill runs of the three kinds stayed at 268-282. A real gateway does not share our test's pool.
    /// </summary>
    private static void EnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        if (workers < MinimumThreads) ThreadPool.SetMinThreads(MinimumThreads, completions);
    }

    private const int MinimumThreads = 16;

    /// <summary>The hub's adapter name for gateway <paramref name="name"/>, as status and /health show it.</summary>
    public string AdapterName(string name) => $"{Kind.ToString().ToLowerInvariant()}:{name}";

    /// <summary>Hub settings for a gateway named <paramref name="name"/> of this kind at 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="name">The gateway's name.</param>
    /// <param name="port">Where it connects: this simulator, or a fault proxy in front of it.</param>
    /// <param name="partsPerSecond">Its contracted rate.</param>
    /// <param name="password">The password it logs in with.</param>
    /// <param name="spListenPort">SGIP only: where it listens for the SMG's connection.</param>
    public Dictionary<string, string?> Settings(string name, int port, int partsPerSecond, string password = Password, int spListenPort = 0)
    {
        var section = $"WarningHub:Sms:{Kind}:{name}:";
        var settings = new Dictionary<string, string?>
        {
            [section + "Host"] = "127.0.0.1",
            [section + "Port"] = port.ToString(CultureInfo.InvariantCulture),
            [section + "Binds"] = CarrierBattery.Binds.ToString(CultureInfo.InvariantCulture),
            [section + "Window"] = CarrierBattery.Window.ToString(CultureInfo.InvariantCulture),
            [section + "RateLimitPerSecond"] = partsPerSecond.ToString(CultureInfo.InvariantCulture),
            [section + "ConnectTimeout"] = "00:00:03",
            [section + "ResponseTimeout"] = "00:00:04",
            [section + "ThrottlePause"] = "00:00:00.050",
            [section + "ReconnectMin"] = "00:00:00.200",
            [section + "ReconnectMax"] = "00:00:01",
        };
        foreach (var (key, value) in KindSettings(password, spListenPort)) settings[section + key] = value;
        return settings;
    }

    /// <summary>Stops the simulator (once; its records stay readable).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) await StopAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract ValueTask StopAsync();

    /// <summary>The protocol's own keys: account, numbers, password.</summary>
    private protected abstract IEnumerable<(string Key, string Value)> KindSettings(string password, int spListenPort);

    private sealed class CmppPeer : CarrierPeer
    {
        private readonly IsmgSimulator _ismg;

        public CmppPeer(int port, int admitPerSecond)
        {
            _ismg = new IsmgSimulator(new IsmgSimulatorOptions { Port = port, RecordSubmits = true, SharedSecret = Password, RateLimitPerSecond = admitPerSecond });
            _ismg.Start();
        }

        public override CarrierKind Kind => CarrierKind.Cmpp;

        public override int Port => _ismg.Port;

        public override IReadOnlyList<SubmitRecord> Submits =>
            [.. _ismg.RecordedSubmits.Select(s => SubmitRecord.From(s.Destination, s.MsgId.Length > 0, s.TpUdhi, s.Content, s.ReceivedAt))];

        public override long FlowControlled => _ismg.FlowControlled;

        public override long RefusedLogins => _ismg.Refused;


        private protected override ValueTask StopAsync() => _ismg.DisposeAsync();

        private protected override IEnumerable<(string Key, string Value)> KindSettings(string password, int spListenPort) =>
        [
            ("Version", "3"), ("SourceAddr", _ismg.Options.SourceAddr), ("SharedSecret", password), ("ServiceId", "WARN"), ("SrcId", "10657001"),
        ];
    }

    private sealed class SgipPeer : CarrierPeer
    {
        private readonly SmgSimulator _smg;

        public SgipPeer(int port, int spListenPort, int admitPerSecond)
        {
            _smg = new SmgSimulator(new SmgSimulatorOptions
            {
                Port = port, RecordSubmits = true, LoginPassword = Password, SpListenPort = spListenPort, RateLimitPerSecond = admitPerSecond,
            });
            _smg.Start();
        }

        public override CarrierKind Kind => CarrierKind.Sgip;

        public override int Port => _smg.Port;

        public override IReadOnlyList<SubmitRecord> Submits =>
            [.. _smg.RecordedSubmits.Select(s => SubmitRecord.From(s.UserNumber, s.Result == 0, s.TpUdhi, s.Content, s.ReceivedAt))];

        public override long FlowControlled => _smg.FlowControlled;

        public override long RefusedLogins => _smg.Refused;


        private protected override ValueTask StopAsync() => _smg.DisposeAsync();

        private protected override IEnumerable<(string Key, string Value)> KindSettings(string password, int spListenPort) =>
        [
            ("LoginName", _smg.Options.LoginName), ("LoginPassword", password), ("SpNumber", "10655001"), ("CorpId", "12345"),
            ("ListenAddress", "127.0.0.1"), ("ListenPort", spListenPort.ToString(CultureInfo.InvariantCulture)),
        ];
    }

    private sealed class SmgpPeer : CarrierPeer
    {
        private readonly SmgwSimulator _smgw;

        public SmgpPeer(int port, int admitPerSecond)
        {
            _smgw = new SmgwSimulator(new SmgwSimulatorOptions { Port = port, RecordSubmits = true, SharedSecret = Password, RateLimitPerSecond = admitPerSecond });
            _smgw.Start();
        }

        public override CarrierKind Kind => CarrierKind.Smgp;

        public override int Port => _smgw.Port;

        public override IReadOnlyList<SubmitRecord> Submits =>
            [.. _smgw.RecordedSubmits.Select(s => SubmitRecord.From(s.Destination, s.MsgId.Length > 0, s.TpUdhi, s.Content, s.ReceivedAt))];

        public override long FlowControlled => _smgw.FlowControlled;

        public override long RefusedLogins => _smgw.Refused;


        private protected override ValueTask StopAsync() => _smgw.DisposeAsync();

        private protected override IEnumerable<(string Key, string Value)> KindSettings(string password, int spListenPort) =>
        [
            ("ClientId", _smgw.Options.ClientId), ("SharedSecret", password), ("SrcTermId", "10620001"),
        ];
    }
}
