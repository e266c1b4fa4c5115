using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>smpp --messages 200000 [--binds N] [--window N] [--json]</c>: sends short GSM texts through an
/// <see cref="SmppGateway"/> to the in-process <see cref="SmscSimulator"/> on loopback, which answers every
/// submit_sm and sends its receipt at once, and measures from the first send until every receipt has arrived and
/// matched a message id returned by a send.
/// <para>
/// <c>--throttle-rate R [--rate S]</c>: the SMSC answers ESME_RTHROTTLED beyond R parts a second while the gateway is
/// set to S (default 2.5 × R). Measures what the sender keeps up once it has found the SMSC's rate: accepted parts a
/// second from the sixth second to the last, as a share of R (issue 9 asks ≥ 90 %), and the busiest second's count.
/// </para>
/// <para>
/// <c>--peer npm</c> (with <c>--throttle-rate</c>): the same against the npm <c>smpp</c> server (the test kit's script,
/// its <c>--throttle-rate</c> switch), an SMSC nobody here wrote; its own timestamps of accepted submits are counted.
/// </para>
/// </summary>
internal static partial class SmppScenario
{
    private const string Text = "Rainstorm blue warning: heavy rain expected tonight, avoid riverbanks. (bench)";

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = IntArg(args, "--messages", 200_000);
        var binds = IntArg(args, "--binds", 4);
        var window = IntArg(args, "--window", 256);
        var json = args.Contains("--json", StringComparer.Ordinal);
        var allowed = IntArg(args, "--throttle-rate", 0);
        var setting = IntArg(args, "--rate", allowed * 5 / 2);
        if (allowed > 0 && !args.Contains("--messages", StringComparer.Ordinal)) messages = allowed * 30;
        var at = Array.IndexOf(args, "--peer");
        var peer = at >= 0 && at + 1 < args.Length ? args[at + 1] : "simulator";
        if (messages < 1 || binds < 1 || window < 1 || allowed < 0 || setting < 0 || peer is not ("simulator" or "npm") || (peer == "npm" && allowed == 0))
        {
            await Console.Error.WriteLineAsync("usage: smpp --messages N [--binds N] [--window N] [--throttle-rate R [--rate S] [--peer simulator|npm]] [--json]").ConfigureAwait(false);
            return 2;
        }

        if (peer == "npm") return await AgainstNpmAsync(messages, binds, window, allowed, setting, json).ConfigureAwait(false);

        var smsc = new SmscSimulator(new SmscSimulatorOptions { SendReceipts = true, RateLimitPerSecond = allowed });
        await using (smsc.ConfigureAwait(false))
        {
            smsc.Start();
            var gateway = new SmppGateway("bench", new SmppOptions
            {
                Host = "127.0.0.1",
                Port = smsc.Port,
                SystemId = smsc.Options.SystemId,
                Password = smsc.Options.Password,
                SourceAddress = "12379",
                Binds = binds,
                Window = window,
                RateLimitPerSecond = setting,
                ResponseTimeout = TimeSpan.FromSeconds(30),
                ThrottleMaxWait = TimeSpan.FromMinutes(2),
            });
            await using (gateway.ConfigureAwait(false))
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await gateway.StartAsync(deadline.Token).ConfigureAwait(false);
                for (var i = 0; i < 500 && gateway.LiveBinds < binds; i++)
                {
                    await Task.Delay(10, deadline.Token).ConfigureAwait(false);
                }

                using var meter = allowed > 0 ? new AcceptMeter(smsc) : null;
                var result = await MeasureAsync(gateway, messages, binds * window, deadline.Token).ConfigureAwait(false);
                if (meter is not null)
                {
                    ReportThrottled(result, meter.Stop(), allowed, setting, smsc.Throttled, json);
                }
                else
                {
                    Report(result, json);
                }

                return result.Correlated == messages && result.Failed == 0 ? 0 : 1;
            }
        }
    }

    private static async Task<Result> MeasureAsync(SmppGateway gateway, int messages, int concurrency, CancellationToken cancellationToken)
    {
        var ids = new string?[messages];
        var receiptIds = new HashSet<string>(messages, StringComparer.Ordinal);
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();

        var receipts = Task.Run(async () =>
        {
            while (receiptIds.Count < messages && await gateway.Receipts.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (receiptIds.Count < messages && gateway.Receipts.TryRead(out var receipt))
                {
                    receiptIds.Add(receipt.ProviderMessageId);
                }
            }
        }, cancellationToken);

        var senders = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < messages)
            {
                var address = "138" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
                var sent = await gateway.SendAsync(new TextMessage(i, address, Text), cancellationToken).ConfigureAwait(false);
                if (sent.Outcome == SendOutcome.Accepted)
                {
                    ids[i] = sent.ProviderMessageIds[0];
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }, cancellationToken));

        await Task.WhenAll(senders).ConfigureAwait(false);
        var sendSeconds = clock.Elapsed.TotalSeconds;
        await receipts.ConfigureAwait(false);
        clock.Stop();

        var correlated = ids.Count(id => id is not null && receiptIds.Contains(id));
        return new Result(messages, clock.Elapsed.TotalSeconds, sendSeconds, correlated, failed);
    }

    private static void Report(Result result, bool json)
    {
        var perSecond = Math.Round(result.Messages / result.Seconds);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                messages = result.Messages,
                seconds = Math.Round(result.Seconds, 3),
                perSecond,
                receiptsCorrelated = result.Correlated,
            }));
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"smpp: {result.Messages} messages in {result.Seconds:F3} s = {perSecond} submit_sm/s (sends done after {result.SendSeconds:F3} s); receipts correlated {result.Correlated}; failed sends {result.Failed}"));
    }

    private static void ReportThrottled(Result result, IReadOnlyList<(double Seconds, long Accepted)> samples, int allowed, int setting, long throttled, bool json,
        string peer = "simulator", long? busiestSecond = null)
    {
        // The first five seconds find the SMSC's rate; the last half second before the final part is the queue's tail
        // (and what follows it, the wait for receipts, is no sending at all).
        var done = samples.First(s => s.Accepted == samples[^1].Accepted).Seconds;
        var start = samples.First(s => s.Seconds >= 5);
        var end = samples.Last(s => s.Seconds <= done - 0.5);
        if (end.Seconds - start.Seconds < 1)
        {
            Console.Error.WriteLine("smpp throttled: the run was too short to measure a steady rate; send more --messages.");
            return;
        }

        var steady = (end.Accepted - start.Accepted) / (end.Seconds - start.Seconds);
        var busiest = 0L;
        foreach (var (seconds, accepted) in samples)
        {
            // The earliest sample at most a second back: the window never spans more than a second.
            if (seconds < 1) continue;
            var back = samples.First(s => s.Seconds >= seconds - 1);
            busiest = Math.Max(busiest, accepted - back.Accepted);
        }

        busiest = busiestSecond ?? busiest;
        var share = steady / allowed;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                peer,
                messages = result.Messages,
                seconds = Math.Round(result.Seconds, 3),
                allowedPerSecond = allowed,
                settingPerSecond = setting,
                steadyPerSecond = Math.Round(steady, 1),
                ofAllowed = Math.Round(share, 3),
                throttled,
                busiestSecond = busiest,
                receiptsCorrelated = result.Correlated,
            }));
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"smpp throttled ({peer}): SMSC allows {allowed}/s, gateway set to {setting}/s; steady {steady:F1} parts/s = {share:P1} of allowed; throttle answers {throttled}; busiest second {busiest}; {result.Messages} messages in {result.Seconds:F1} s, receipts correlated {result.Correlated}"));
    }

    /// <summary>Samples the SMSC's accepted-part count every 100 ms, stamped with seconds since the first sample.</summary>
    private sealed class AcceptMeter : IDisposable
    {
        private readonly List<(double, long)> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public AcceptMeter(SmscSimulator smsc)
        {
            _loop = Task.Run(async () =>
            {
                var clock = Stopwatch.StartNew();
                using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
                do
                {
                    lock (_samples) _samples.Add((clock.Elapsed.TotalSeconds, smsc.PartsAccepted));
                }
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
            });
        }

        public IReadOnlyList<(double Seconds, long Accepted)> Stop()
        {
            _stop.Cancel();
            try { _loop.Wait(); } catch (AggregateException e) when (e.InnerException is OperationCanceledException) { }
            lock (_samples) return [.. _samples];
        }

        public void Dispose() => _stop.Dispose();
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
    }

    private sealed record Result(int Messages, double Seconds, double SendSeconds, int Correlated, int Failed);
}
