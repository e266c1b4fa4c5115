using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>rtp [--streams 300] [--seconds 10] [--json]</c>: one <see cref="IpSpeakerChannel"/> streams a μ-law bulletin of
/// the given length to that many simulated terminals on 127.0.0.1 at once (one RTP stream each, all started
/// together). Figures are measured at the receivers: packets, packets lost (RFC 3550 A.3) and the 99th percentile
/// of the RFC 3550 interarrival jitter estimate taken after every packet of every stream, plus play confirmations.
/// </summary>
internal static class RtpScenario
{
    public static async Task<int> RunAsync(string[] args)
    {
        var unknown = BenchArgs.Unknown(args, ["--json"], ["--streams", "--seconds"]);
        var streams = BenchArgs.Int(args, "--streams", 300);
        var seconds = BenchArgs.Int(args, "--seconds", 10);
        if (unknown.Count > 0 || streams is not >= 1 || seconds is not >= 1)
        {
            return await BenchArgs.UsageAsync("rtp", "usage: rtp [--streams N (300)] [--seconds N (10)] [--json]").ConfigureAwait(false);
        }

        var channel = new IpSpeakerChannel("bench", new IpSpeakerOptions
        {
            LocalAddress = "127.0.0.1",
            HeartbeatPort = 0,
            MaxConcurrentStreams = streams.Value,
            OfflineAfter = TimeSpan.FromMinutes(10),
        });
        await using (channel.ConfigureAwait(false))
        {
            await channel.StartAsync(CancellationToken.None).ConfigureAwait(false);
            var speakers = new List<SimulatedSpeaker>();
            try
            {
                for (var i = 0; i < streams; i++)
                {
                    var speaker = new SimulatedSpeaker(new SimulatedSpeakerOptions
                    {
                        Id = "bench-" + i.ToString(CultureInfo.InvariantCulture),
                        HeartbeatTarget = channel.HeartbeatEndpoint,
                        HeartbeatInterval = TimeSpan.FromMinutes(5),
                        StreamEndSilence = TimeSpan.FromMilliseconds(500),
                        KeepAudio = false,
                    });
                    speakers.Add(speaker);
                    await speaker.StartAsync().ConfigureAwait(false);
                }

                var result = await MeasureAsync(channel, speakers, seconds.Value).ConfigureAwait(false);
                Report(result, BenchArgs.Flag(args, "--json"));
                return result.Lost == 0 && result.Accepted == streams && result.Packets == result.Expected ? 0 : 1;
            }
            finally
            {
                foreach (var speaker in speakers)
                {
                    await speaker.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<Result> MeasureAsync(IpSpeakerChannel channel, List<SimulatedSpeaker> speakers, int seconds)
    {
        for (var i = 0; i < 3000 && channel.Terminals.Count < speakers.Count; i++)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        var codes = new byte[seconds * 8000];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = (byte)(0x80 + (i % 64));
        }

        var clip = new AudioClip("bench", TimeSpan.FromSeconds(seconds), new Dictionary<AudioFormat, ReadOnlyMemory<byte>> { [AudioFormat.MuLaw8k] = codes });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var collections = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var sends = await Task.WhenAll(speakers.Select((s, i) =>
            channel.BroadcastAsync(new AudioMessage(i, s.RtpAddress, clip, "bench"), CancellationToken.None).AsTask())).ConfigureAwait(false);
        var accepted = sends.Count(r => r.Outcome == SendOutcome.Accepted);
        var deadline = TimeSpan.FromSeconds(seconds + 60);
        for (var settled = 0; clock.Elapsed < deadline && settled < 3;)
        {
            await Task.Delay(100).ConfigureAwait(false);
            settled = channel.ActiveStreams == 0 && speakers.All(s => s.Streams is [{ Ended: true }]) ? settled + 1 : 0;
        }

        var streamSeconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        collections = GC.CollectionCount(0) - collections;
        var receipts = 0;
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                while (receipts < accepted && await channel.Receipts.ReadAsync(wait.Token).ConfigureAwait(false) is { Status: DeliveryStatus.Delivered })
                {
                    receipts++;
                }
            }
            catch (OperationCanceledException)
            {
                // Counted as missing confirmations.
            }
        }

        // Every terminal has drained its socket once each stream ended after the sender finished: read one snapshot.
        var received = speakers.SelectMany(s => s.Streams).ToList();
        var expected = (long)speakers.Count * seconds * 50;
        var counts = received.Select(s => (Packets: (long)s.Packets, s.Lost)).ToList();
        var packets = counts.Sum(c => c.Packets);
        var jitter = received.SelectMany(s => s.JitterSamplesMs.ToArray()).Order().ToArray();
        return new Result(
            speakers.Count,
            accepted,
            packets,
            expected,
            Lost: counts.Sum(c => c.Lost) + (expected - counts.Sum(c => c.Packets + c.Lost)),
            Gaps: received.Sum(s => s.SequenceGaps),
            JitterP50: Percentile(jitter, 0.50),
            JitterP99: Percentile(jitter, 0.99),
            JitterMax: jitter.Length == 0 ? 0 : jitter[^1],
            receipts,
            streamSeconds,
            cpuSeconds,
            collections,
            channel.PacingLateness(0.99).TotalMilliseconds);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static void Report(Result r, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                streams = r.Streams,
                packets = r.Packets,
                lost = r.Lost,
                jitterP99Ms = Math.Round(r.JitterP99, 3),
                jitterP50Ms = Math.Round(r.JitterP50, 3),
                jitterMaxMs = Math.Round(r.JitterMax, 3),
                expectedPackets = r.Expected,
                sequenceGaps = r.Gaps,
                accepted = r.Accepted,
                playConfirmations = r.Receipts,
                seconds = Math.Round(r.Seconds, 3),
                cpuSeconds = Math.Round(r.CpuSeconds, 3),
                gcCollections = r.Collections,
                senderLateP99Ms = r.SenderLateP99,
            }));
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"rtp: {r.Streams} streams, {r.Accepted} accepted; {r.Packets}/{r.Expected} packets, lost {r.Lost}, gaps {r.Gaps}; jitter p50 {r.JitterP50:F3} ms, p99 {r.JitterP99:F3} ms, max {r.JitterMax:F3} ms; {r.Receipts} play confirmations; {r.Seconds:F1} s, {r.CpuSeconds:F1} s CPU, {r.Collections} GCs; sender p99 {r.SenderLateP99:F2} ms late (sender and receivers in one process)"));
    }

    private sealed record Result(int Streams, int Accepted, long Packets, long Expected, long Lost, int Gaps, double JitterP50, double JitterP99, double JitterMax, int Receipts, double Seconds, double CpuSeconds, int Collections, double SenderLateP99);
}
