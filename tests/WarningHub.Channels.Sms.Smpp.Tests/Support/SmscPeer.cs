using System.Text.Json;
using WarningHub.Simulators.Smsc;
using WarningHub.Testing.Peers;

namespace WarningHub.Channels.Sms.Smpp.Tests.Support;

/// <summary>A message as an SMSC reassembled it.</summary>
public sealed record PeerMessage(string Destination, string Text, int DataCoding, IReadOnlyList<string> Ids);

/// <summary>
/// An SMSC for the gateway tests that must hold against two codecs: <see cref="Simulator"/> (ours, in
/// WarningHub.Simulators, which shares no code with the adapter's PDUs but was written by the same hands) and
/// <see cref="Npm"/> (the npm <c>smpp</c> package run by Node.js, written by nobody here).
/// </summary>
public abstract class SmscPeer : IAsyncDisposable
{
    public const string Simulator = "simulator";
    public const string Npm = "npm-smpp";

    public abstract int Port { get; }

    public abstract int Binds { get; }

    public abstract int EnquireLinks { get; }

    public abstract int Throttled { get; }

    public abstract IReadOnlyList<PeerMessage> Messages { get; }

    public abstract string Diagnostics();

    /// <param name="throttleSome">The SMSC answers ESME_RTHROTTLED to part of the submits.</param>
    public static async Task<SmscPeer> StartAsync(string kind, bool throttleSome = false)
    {
        switch (kind)
        {
            case Simulator:
                var simulator = new SmscSimulator(new SmscSimulatorOptions { RecordMessages = true, RateLimitPerSecond = throttleSome ? 10 : 0 });
                simulator.Start();
                return new SimulatorPeer(simulator);
            case Npm:
                return new NpmPeer(await (throttleSome ? NodeSmsc.StartAsync("--throttle-every", "3") : NodeSmsc.StartAsync()));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such SMSC peer");
        }
    }

    public abstract ValueTask DisposeAsync();

    private sealed class SimulatorPeer(SmscSimulator smsc) : SmscPeer
    {
        public override int Port => smsc.Port;

        public override int Binds => (int)smsc.Binds;

        public override int EnquireLinks => (int)smsc.EnquireLinks;

        public override int Throttled => (int)smsc.Throttled;

        public override IReadOnlyList<PeerMessage> Messages =>
            [.. smsc.ReceivedMessages.Select(m => new PeerMessage(m.Destination, m.Text, m.DataCoding, m.MessageIds))];

        public override string Diagnostics() => $"simulator: {smsc.Submits} submits, {smsc.Binds} binds";

        public override ValueTask DisposeAsync() => smsc.DisposeAsync();
    }

    private sealed class NpmPeer(NodeSmsc node) : SmscPeer
    {
        public override int Port => node.Port;

        public override int Binds => node.OfType("bind").Count();

        public override int EnquireLinks => node.OfType("enquire_link").Count();

        public override int Throttled => node.OfType("throttled").Count();

        public override IReadOnlyList<PeerMessage> Messages =>
        [
            .. node.OfType("message").Select(m => new PeerMessage(
                m.GetProperty("destination").GetString()!,
                m.GetProperty("text").GetString()!,
                m.GetProperty("dataCoding").ValueKind == JsonValueKind.Number ? m.GetProperty("dataCoding").GetInt32() : 0,
                [.. m.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!)])),
        ];

        public override string Diagnostics() => node.Diagnostics();

        public override ValueTask DisposeAsync() => node.DisposeAsync();
    }
}
