using System.Globalization;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Testing.Peers;

namespace WarningHub.Bench.Scenarios;

internal static partial class SmppScenario
{
    /// <summary>
    /// <c>smpp --throttle-rate R --peer npm</c>: the throttled run against the npm <c>smpp</c> server, which answers
    /// ESME_RTHROTTLED to any submit beyond R accepted in the last second. The figure the interop test only printed.
    /// </summary>
    private static async Task<int> AgainstNpmAsync(int messages, int binds, int window, int allowed, int setting, bool json)
    {
        var smsc = await NodeSmsc.StartAsync("--throttle-rate", allowed.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await using (smsc.ConfigureAwait(false))
        {
            var gateway = new SmppGateway("bench", new SmppOptions
            {
                Host = "127.0.0.1",
                Port = smsc.Port,
                SystemId = "warninghub", // the script's defaults
                Password = "secret",
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

                var result = await MeasureAsync(gateway, messages, binds * window, deadline.Token).ConfigureAwait(false);
                // The SMSC stamps each accepted submit ("at", ms): the same samples as the simulator's meter, but exact.
                var accepted = smsc.OfType("submit").Select(e => e.GetProperty("at").GetDouble()).Order().ToList();
                var first = accepted.Count > 0 ? accepted[0] : 0;
                var samples = accepted.Select((at, n) => ((at - first) / 1000, (long)n + 1)).ToList();
                if (samples.Count == 0)
                {
                    await Console.Error.WriteLineAsync("smpp throttled (npm): the SMSC accepted nothing. " + smsc.Diagnostics()).ConfigureAwait(false);
                    return 1;
                }

                ReportThrottled(result, samples, allowed, setting, smsc.OfType("throttled").Count(), json, "npm", BusiestSecond(accepted));
                return result.Correlated == messages && result.Failed == 0 ? 0 : 1;
            }
        }
    }

    /// <summary>The most accepted submits within any one second (a sliding window over the SMSC's own stamps, in ms).</summary>
    private static long BusiestSecond(List<double> at)
    {
        var best = 0;
        for (int first = 0, last = 0; last < at.Count; last++)
        {
            while (at[last] - at[first] >= 1000) first++;
            best = Math.Max(best, last - first + 1);
        }

        return best;
    }
}
