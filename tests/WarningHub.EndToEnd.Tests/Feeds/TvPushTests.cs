using System.Net;
using WarningHub.Core.Cap;
using WarningHub.Simulators.Tv;

namespace WarningHub.EndToEnd.Tests.Feeds;

public sealed class TvPushTests
{
    [Fact]
    public async Task ActualWarning_IsPushedToTheStation_AndItsOnAirConfirmationDeliversTheSlot_WhileAnExerciseIsNeverPushed()
    {
        await using var station = new TvStationSimulator();
        await station.StartAsync();
        var settings = FeedHub.TvChannels();
        settings["WarningHub:Tv:Channels:0:PushUrl"] = station.PushUrl.ToString();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: settings);

        var exercise = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = CapStatus.Exercise });
        await hub.WaitAllFinalAsync(exercise);
        var actual = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(station.Pushes.Count > 0), TimeSpan.FromSeconds(30)), "the caption was pushed");

        var push = Assert.Single(station.Pushes);
        Assert.Equal(("jytv", actual), (push.Channel, push.WarningId));
        Assert.True(push.Caption.Length <= 40, push.Caption);
        Assert.StartsWith("【暴雨红色预警】", push.Caption, StringComparison.Ordinal);
        var callback = new Uri(hub.Http.BaseAddress!, "/api/v1/callbacks/tv/jytv");
        Assert.Equal(HttpStatusCode.Accepted, await TvStationSimulator.ConfirmAsync(hub.Http, callback, FeedHub.TvSecret, push.StationId));
        var warning = await TestHub.WaitForAsync(hub.Http, actual,
            w => w.GetProperty("channels").TryGetProperty("tv", out var tv) && tv.GetProperty("delivered").GetInt32() == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, warning.GetProperty("channels").GetProperty("tv").GetProperty("planned").GetInt32());
        Assert.Single(station.Pushes);
    }
}
