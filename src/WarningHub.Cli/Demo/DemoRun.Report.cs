using System.Text.Json;
using Spectre.Console;
using WarningHub.Cli.Rendering;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Cli.Demo;

internal sealed partial class DemoRun
{
    private void PrintReach(JsonElement reach, ChannelProgress sms, TimeSpan elapsed, SmscSimulator smsc)
    {
        console.WriteLine();
        ReachTable.Write(console, reach);
        console.MarkupLineInterpolated($"SMS slots: {sms.Planned:N0} planned, {sms.Sent:N0} sent, {sms.Delivered:N0} delivered, {sms.Failed:N0} failed, {sms.Unconfirmed:N0} unconfirmed, {sms.PossiblyDuplicated:N0} possibly duplicated.");
        console.MarkupLineInterpolated($"The simulated SMSC took {smsc.Submits:N0} submit_sm and throttled {smsc.Throttled:N0}; {smsc.ReceiptsSent:N0} receipts came back.");
        if (sms.AllFinal) console.MarkupLineInterpolated($"[green]Every slot reached a final state[/] in {elapsed.TotalSeconds:F1} s.");
        else console.MarkupLineInterpolated($"[red]Timed out with {sms.Pending:N0} slots not final[/] after {elapsed.TotalSeconds:F1} s.");
    }

    private void WriteJson(string id, ChannelProgress sms, JsonElement reach, TimeSpan elapsed)
    {
        var county = reach.GetProperty("county");
        var result = new
        {
            warningId = id,
            persons = settings.Persons,
            channels = new Dictionary<string, object>
            {
                ["sms"] = new { planned = sms.Planned, sent = sms.Sent, delivered = sms.Delivered, failed = sms.Failed, possiblyDuplicated = sms.PossiblyDuplicated },
            },
            reach = new { persons = new { targeted = county.GetProperty("targeted").GetInt32(), reached = county.GetProperty("delivered").GetInt32() } },
            elapsedMs = (long)elapsed.TotalMilliseconds,
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(result));
    }
}
