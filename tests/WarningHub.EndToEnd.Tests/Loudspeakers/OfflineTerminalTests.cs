using System.Diagnostics;
using System.Text.RegularExpressions;
using WarningHub.Abstractions;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>Terminals that are not there: reach shows them offline or failed, never played.</summary>
public sealed class OfflineTerminalTests
{
    private static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TerminalsWhoseSimulatorIsNotRunning_AreOfflineOrFailedInReach_AndNeverPlayed()
    {
        await using var live = await LoudspeakerHub.StartSpeakerAsync("jy-live");
        var gone = await LoudspeakerHub.StartSpeakerAsync("jy-gone");
        var goneAddress = gone.RtpAddress;
        // Never started: no terminal has ever answered at this address (the discard port).
        const string never = "rtp://127.0.0.1:9";
        List<string> villages = [];
        await using var hub = await TestHub.StartAsync(persons: 300, settings: LoudspeakerHub.Settings(offlineAfter: OfflineAfter, maxAttempts: 2), endpoints: registry =>
        {
            villages = LoudspeakerHub.Villages(registry, 2);
            return new CountyEndpoints(
            [
                LoudspeakerHub.Terminal("jy-live", villages[0], live.RtpAddress),
                LoudspeakerHub.Terminal("jy-gone", villages[1], goneAddress),
                LoudspeakerHub.Terminal("jy-never", villages[1], never),
            ], [], []);
        });
        await hub.ConnectAsync(live);
        await hub.ConnectAsync(gone);
        await gone.DisposeAsync(); // switched off: no more heartbeats, nothing listens on its port
        Assert.True(await Eventually.TrueAsync(() => hub.Speakers().StatusOf(goneAddress)?.State == TerminalState.Offline, TimeSpan.FromSeconds(10)),
            "the hub noticed the silent terminal");

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.LoudspeakerIp, out var ip)
            && ip.Count("planned") == 3 && ip.Count("pending") == 0, TimeSpan.FromSeconds(45));
        var reach = await hub.ReachAsync(id);

        var ip = warning.GetProperty("channels").GetProperty(ChannelNames.LoudspeakerIp);
        Assert.Equal((1, 2), (ip.Count("delivered"), ip.Count("failed")));
        var played = LoudspeakerHub.VillageChannel(reach, villages[0], ChannelNames.LoudspeakerIp);
        Assert.Equal((1, 1, 0, 0), (played.Count("targeted"), played.Count("delivered"), played.Count("failed"), played.Count("offline")));
        var dark = LoudspeakerHub.VillageChannel(reach, villages[1], ChannelNames.LoudspeakerIp);
        // The switched-off terminal is offline now; the one never heard from is not known to be offline, but both failed.
        Assert.Equal((2, 0, 2, 1), (dark.Count("targeted"), dark.Count("delivered"), dark.Count("failed"), dark.Count("offline")));
        var total = reach.GetProperty("channels").GetProperty(ChannelNames.LoudspeakerIp);
        Assert.Equal((3, 1, 1), (total.Count("targeted"), total.Count("delivered"), total.Count("offline")));
        Assert.Single(live.Streams);

        // The operator's table says the same.
        var printed = await RunCliAsync("reach", id, "--url", hub.Http.BaseAddress!.ToString(), "--api-key", TestHub.ApiKey);
        var table = Regex.Replace(printed, @"\s+", " ");
        Assert.True(table.Contains("3 terminals, 1 played, 2 failed, 0 pending, 1 offline or faulty now", StringComparison.Ordinal), printed);
        Assert.True(table.Contains(villages[1], StringComparison.Ordinal), printed);
    }

    private static async Task<string> RunCliAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repo.CliDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"warninghub {string.Join(' ', args)} exited {process.ExitCode}: {await errors}");
        return await output;
    }
}
