using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Channels.Loudspeaker.Ip;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Speakers;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>A hub with one IP loudspeaker network on 127.0.0.1, simulated terminals, and the waits the tests share.</summary>
internal static class LoudspeakerHub
{
    public const string Network = "county";

    /// <summary>
    /// The network's settings. Bulletins are tones only (no speech engine): short and the same on every machine.
    /// The receipt window outlasts a bulletin, so a play report still finds its slot waiting.
    /// </summary>
    public static Dictionary<string, string?> Settings(TimeSpan? repeatEvery = null, TimeSpan? offlineAfter = null, int? maxAttempts = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"WarningHub:Loudspeakers:Ip:{Network}:LocalAddress"] = "127.0.0.1",
            [$"WarningHub:Loudspeakers:Ip:{Network}:HeartbeatPort"] = "0",
            [$"WarningHub:Loudspeakers:Ip:{Network}:OfflineAfter"] = Time(offlineAfter ?? TimeSpan.FromSeconds(30)),
            ["WarningHub:Audio:SpeechEngine"] = "none",
            ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
        };
        if (repeatEvery is { } every) settings["WarningHub:Engine:RepeatEvery:Red"] = Time(every);
        if (maxAttempts is { } attempts) settings["WarningHub:Engine:MaxAttempts"] = attempts.ToString(CultureInfo.InvariantCulture);
        return settings;
    }

    public static IpSpeakerChannel Speakers(this TestHub hub) => hub.App.Services.GetRequiredKeyedService<IpSpeakerChannel>(Network);

    /// <summary>A terminal on 127.0.0.1 that sends no heartbeats until <see cref="ConnectAsync"/>: its RTP port goes into the registry first.</summary>
    public static async Task<SimulatedSpeaker> StartSpeakerAsync(string id)
    {
        var speaker = new SimulatedSpeaker(new SimulatedSpeakerOptions { Id = id, HeartbeatInterval = TimeSpan.FromMilliseconds(200) });
        await speaker.StartAsync();
        return speaker;
    }

    /// <summary>Points the terminal's heartbeats at the hub's network and waits until the hub knows it.</summary>
    public static async Task ConnectAsync(this TestHub hub, SimulatedSpeaker speaker)
    {
        var channel = hub.Speakers();
        speaker.SendHeartbeatsTo(channel.HeartbeatEndpoint ?? throw new InvalidOperationException("the network has not started"));
        Assert.True(await Eventually.TrueAsync(() => channel.StatusOf(speaker.RtpAddress) is not null, TimeSpan.FromSeconds(10)),
            $"the hub never heard terminal {speaker.Options.Id}");
    }

    /// <summary>One village in each of the first <paramref name="count"/> towns.</summary>
    public static List<string> Villages(CountyRegistry registry, int count) =>
        registry.Towns.Select(t => registry.VillagesUnder(t.Code)[0].Code).Take(count).ToList();

    public static Terminal Terminal(string id, string village, string address) => new(id, village, ChannelNames.LoudspeakerIp, address, IsTest: false);

    /// <summary>The village's row of a channel in the reach JSON.</summary>
    public static JsonElement VillageChannel(JsonElement reach, string village, string channel) =>
        reach.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("code").GetString() == village)
            .GetProperty("channels").GetProperty(channel);

    public static int Count(this JsonElement row, string name) => row.GetProperty(name).GetInt32();

    private static string Time(TimeSpan t) => t.ToString("c", CultureInfo.InvariantCulture);
}
