using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Sgip;
using WarningHub.Channels.Sms.Smgp;
using WarningHub.Simulators.Sgip;
using WarningHub.Simulators.Smgp;

namespace WarningHub.Bench.Scenarios;

/// <summary>
/// <c>sgip|smgp --messages 50000 [--binds N] [--window N] [--json]</c>: the cmpp scenario's shape for China Unicom's
/// SGIP and China Telecom's SMGP. Short Chinese texts (one UCS2 part each) go through the gateway to the in-process
/// simulator on loopback, which answers every Submit and reports at once (SGIP: a Report on the SMG's own connection to
/// the gateway's listening port; SMGP: a Deliver with IsReport 1); measured from the first send until every report
/// arrived and matched an id a send returned.
/// </summary>
internal static class CarrierScenario
{
    private const string Text = "【井研县应急管理局】暴雨蓝色预警：今夜有强降雨，请远离河道。（压测）";

    public static async Task<int> RunAsync(string protocol, string[] args)
    {
        var messages = IntArg(args, "--messages", 50_000);
        var binds = IntArg(args, "--binds", 4);
        var window = IntArg(args, "--window", 256);
        var json = args.Contains("--json", StringComparer.Ordinal);
        if (messages < 1 || binds < 1 || window < 1)
        {
            await Console.Error.WriteLineAsync($"usage: {protocol} --messages N [--binds N] [--window N] [--json]").ConfigureAwait(false);
            return 2;
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        Result result;
        if (protocol == "sgip")
        {
            var listenPort = FreePort();
            var smg = new SmgSimulator(new SmgSimulatorOptions { SpListenPort = listenPort });
            await using (smg.ConfigureAwait(false))
            {
                smg.Start();
                var gateway = new SgipGateway("bench", new SgipOptions
                {
                    Host = "127.0.0.1", Port = smg.Port, LoginName = smg.Options.LoginName, LoginPassword = smg.Options.LoginPassword,
                    SpNumber = "10655001", CorpId = "12345", ListenAddress = "127.0.0.1", ListenPort = listenPort, Binds = binds, Window = window,
                });
                await using (gateway.ConfigureAwait(false))
                {
                    await gateway.StartAsync(deadline.Token).ConfigureAwait(false);
                    await WaitForBindsAsync(() => gateway.LiveBinds, binds, deadline.Token).ConfigureAwait(false);
                    result = await MeasureAsync(gateway, gateway, messages, binds * window, deadline.Token).ConfigureAwait(false);
                }
            }
        }
        else
        {
            var smgw = new SmgwSimulator(new SmgwSimulatorOptions());
            await using (smgw.ConfigureAwait(false))
            {
                smgw.Start();
                var gateway = new SmgpGateway("bench", new SmgpOptions
                {
                    Host = "127.0.0.1", Port = smgw.Port, ClientId = smgw.Options.ClientId, SharedSecret = smgw.Options.SharedSecret,
                    SrcTermId = "10620001", Binds = binds, Window = window,
                });
                await using (gateway.ConfigureAwait(false))
                {
                    await gateway.StartAsync(deadline.Token).ConfigureAwait(false);
                    await WaitForBindsAsync(() => gateway.LiveBinds, binds, deadline.Token).ConfigureAwait(false);
                    result = await MeasureAsync(gateway, gateway, messages, binds * window, deadline.Token).ConfigureAwait(false);
                }
            }
        }

        Report(protocol, result, json);
        return result.Correlated == messages && result.Failed == 0 ? 0 : 1;
    }

    private static async Task WaitForBindsAsync(Func<int> live, int binds, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 500 && live() < binds; i++)
        {
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<Result> MeasureAsync(ITextSender gateway, IReceiptSource receiptSource, int messages, int concurrency, CancellationToken cancellationToken)
    {
        var ids = new string?[messages];
        var receiptIds = new HashSet<string>(messages, StringComparer.Ordinal);
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();

        var receipts = Task.Run(async () =>
        {
            while (receiptIds.Count < messages && await receiptSource.Receipts.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (receiptIds.Count < messages && receiptSource.Receipts.TryRead(out var receipt))
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
                var address = "133" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture);
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

    private static void Report(string protocol, Result result, bool json)
    {
        var perSecond = Math.Round(result.Messages / result.Seconds);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                protocol,
                messages = result.Messages,
                seconds = Math.Round(result.Seconds, 3),
                perSecond,
                receiptsCorrelated = result.Correlated,
            }));
            return;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{protocol}: {result.Messages} messages in {result.Seconds:F3} s = {perSecond} Submit/s (sends done after {result.SendSeconds:F3} s); receipts correlated {result.Correlated}; failed sends {result.Failed}"));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
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
