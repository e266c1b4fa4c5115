using Microsoft.Extensions.DependencyInjection;
using WarningHub.Engine.Hosting;

namespace WarningHub.EndToEnd.Tests;

public sealed class StartUpTests
{
    [Fact]
    public async Task Start_RunsTheWarmUpJob_AndItSendsNothing()
    {
        await using var hub = await TestHub.StartAsync(persons: 200);

        // StartAsync waits for the warm-up (boundedly); it ran through Hangfire and this hub's container.
        Assert.True(hub.App.Services.GetRequiredService<WarmUpSignal>().Task.IsCompletedSuccessfully);
        Assert.Equal(0, hub.Smsc.Submits);
    }

    [Fact]
    public async Task FirstShard_SentByTheFastLaneAndItsJob_ReachesEveryPhoneExactlyOnce()
    {
        // A slow gateway keeps the fast lane's batch and the shard's Hangfire job working on the same shard at once.
        await using var hub = await TestHub.StartAsync(persons: 2500, smsc: o => o.Latency = TimeSpan.FromMilliseconds(5),
            settings: new Dictionary<string, string?> { ["WarningHub:Engine:ShardSize"] = "1000" });
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));

        var warning = await hub.WaitAllFinalAsync(id);
        var phones = hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToList();
        Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
        var received = hub.Smsc.ReceivedMessages.Select(m => m.Destination).ToList();
        Assert.Equal(phones.Count, received.Count);
        Assert.Equal(phones.Count, received.Distinct().Count());
    }
}
