using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Demo;

internal sealed partial class DemoRun
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls the warning until every slot is final (or the time-out), with a progress bar per channel.</summary>
    private async Task<ChannelProgress> WatchAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        async Task<ChannelProgress> Read() =>
            ChannelProgress.Read(await http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}", cancellationToken), "sms");

        if (settings.Json)
        {
            var p = await Read();
            while (!p.AllFinal && deadline.Elapsed < settings.Timeout)
            {
                await Task.Delay(PollEvery, cancellationToken);
                p = await Read();
            }
            return p;
        }

        ChannelProgress last = await Read();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var sent = ctx.AddTask("短信 SMS  handed to SMSC", maxValue: Math.Max(1, last.Planned));
                var final = ctx.AddTask("短信 SMS  final (receipt)", maxValue: Math.Max(1, last.Planned));
                while (true)
                {
                    sent.MaxValue = final.MaxValue = Math.Max(1, last.Planned);
                    sent.Value = last.Final + last.AwaitingReceipt;
                    final.Value = last.Final;
                    if (last.AllFinal || deadline.Elapsed >= settings.Timeout) break;
                    await Task.Delay(PollEvery, cancellationToken);
                    last = await Read();
                }
                sent.Value = sent.MaxValue;
                if (last.AllFinal) final.Value = final.MaxValue;
            });
        return last;
    }
}
