using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Demo;

internal sealed partial class DemoRun
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Polls the warning until every slot of every channel is final (or the time-out), with a progress bar per channel
    /// that has slots: how many of them are final. Repeats are not waited for: round 0 is the demo.
    /// </summary>
    private async Task<WarningProgress> WatchAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        async Task<WarningProgress> Read() =>
            WarningProgress.Read(await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}", cancellationToken));

        var last = await Read();
        if (settings.Json)
        {
            while (!last.AllFinal && deadline.Elapsed < settings.Timeout)
            {
                await Task.Delay(PollEvery, TimeProvider.System, cancellationToken);
                last = await Read();
            }
            return last;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                // A bar appears once its channel is planned; the order on screen is the order of WarningProgress.Shown.
                var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                var stopped = new HashSet<string>(StringComparer.Ordinal);
                while (true)
                {
                    foreach (var (channel, label) in WarningProgress.Shown)
                    {
                        var c = last[channel];
                        if (c.Planned == 0) continue;
                        if (!bars.TryGetValue(channel, out var bar)) bars[channel] = bar = ctx.AddTask(Markup.Escape(label), maxValue: c.Planned);
                        bar.MaxValue = c.Planned;
                        bar.Value = c.Final;
                        // While loudspeakers play (or a receipt is on its way) nothing is final yet: say what it waits for.
                        var detail = c.AwaitingReceipt > 0 ? $"{c.AwaitingReceipt:N0} awaiting receipt" : $"{c.Delivered:N0} delivered";
                        bar.Description = Markup.Escape($"{label}  {c.Final:N0}/{c.Planned:N0} final, {detail}");
                        // Stopped once: the elapsed column then shows how long the channel took.
                        if (c.Pending == 0 && stopped.Add(channel)) bar.StopTask();
                    }
                    if (last.AllFinal || deadline.Elapsed >= settings.Timeout) break;
                    await Task.Delay(PollEvery, TimeProvider.System, cancellationToken);
                    last = await Read();
                }
            });
        return last;
    }
}
