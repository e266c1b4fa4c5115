using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp;
using WarningHub.Simulators.Cmpp;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>cmpp --messages 200000 [--version 2|3] [--binds N] [--window N] [--json]</c>: sends short Chinese texts (one UCS2
/// part each) through a <see cref="CmppGateway"/> to the in-process <see cref="IsmgSimulator"/> on loopback, which
/// answers every SUBMIT and sends its status report at once, and measures from the first send until every report has
/// arrived and matched a Msg_Id returned by a send. The same shape as the smpp scenario.
/// </summary>
internal static class CmppScenario
{
    private const string Text = "【井研县应急管理局】暴雨蓝色预警：今夜有强降雨，请远离河道。（压测）";

    public static async Task<int> RunAsync(string[] args)
    {
        var messages = IntArg(args, "--messages", 200_000);
        var version = IntArg(args, "--version", 3);
        var binds = IntArg(args, "--binds", 4);
        var window = IntArg(args, "--window", 256);
        var json = args.Contains("--json", StringComparer.Ordinal);
        if (messages < 1 || binds < 1 || window < 1 || version is not (2 or 3))
        {
            await Console.Error.WriteLineAsync("usage: cmpp --messages N [--version 2|3] [--binds N] [--window N] [--json]").ConfigureAwait(false);
            return 2;
        }

        var ismg = new IsmgSimulator(new IsmgSimulatorOptions { SendReports = true });
        await using (ismg.ConfigureAwait(false))
        {
            ismg.Start();
            var gateway = new CmppGateway("bench", new CmppOptions
            {
                Host = "127.0.0.1",
                Port = ismg.Port,
                Version = version,
                SourceAddr = ismg.Options.SourceAddr,
                SharedSecret = ismg.Options.SharedSecret,
                ServiceId = "WARN",
                SrcId = "10657001",
                Binds = binds,
                Window = window,
            });
            await using (gateway.ConfigureAwait(false))
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await gateway.StartAsync(deadline.Token).ConfigureAwait(false);
                for (var i = 0; i < 500 && gateway.LiveBinds < binds; i++)
                {
                    await Task.Delay(10, deadline.Token).ConfigureAwait(false);
                }

                var result = await MeasureAsync(gateway, messages, binds * window, deadline.Token).ConfigureAwait(false);
                Report(result, json);
                return result.Correlated == messages && result.Failed == 0 ? 0 : 1;
            }
        }
    }

    private static async Task<Result> MeasureAsync(CmppGateway gateway, int messages, int concurrency, CancellationToken cancellationToken)
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
            $"cmpp: {result.Messages} messages in {result.Seconds:F3} s = {perSecond} SUBMIT/s (sends done after {result.SendSeconds:F3} s); receipts correlated {result.Correlated}; failed sends {result.Failed}"));
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
