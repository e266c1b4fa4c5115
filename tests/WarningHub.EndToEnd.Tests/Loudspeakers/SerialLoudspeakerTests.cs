using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Serial;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>Serial loudspeakers configured in the hub and sent by its engine, over socat pty pairs to simulated TTS modules.</summary>
public sealed class SerialLoudspeakerTests
{
    [Fact]
    public async Task Warning_IsSpokenByEachVillagesTtsModule_AndReachCountsThePlays()
    {
        using var lineA = PtyPair.Create();
        using var lineB = PtyPair.Create();
        var fast = new TtsModuleSimulatorOptions { TimePerCharacter = TimeSpan.FromMilliseconds(1) };
        await using var moduleA = new TtsModuleSimulator(lineA.DeviceEnd, fast);
        await using var moduleB = new TtsModuleSimulator(lineB.DeviceEnd, fast);
        moduleA.Start();
        moduleB.Start();
        const string s = "WarningHub:Loudspeakers:Serial:county";
        var settings = new Dictionary<string, string?>
        {
            [$"{s}:IdlePollInterval"] = "00:00:00.050",
            [$"{s}:Ports:a:Path"] = lineA.AdapterEnd,
            [$"{s}:Ports:a:Profile"] = "Syn6288",
            [$"{s}:Ports:a:Encoding"] = "Gbk",
            [$"{s}:Ports:b:Path"] = lineB.AdapterEnd,
            [$"{s}:Ports:b:Profile"] = "Syn6288",
            [$"{s}:Ports:b:Encoding"] = "Gbk",
            ["WarningHub:Audio:SpeechEngine"] = "none",
            ["WarningHub:Engine:ReceiptWindow"] = "00:01:00",
        };
        List<string> villages = [];
        await using var hub = await TestHub.StartAsync(persons: 300, settings: settings, endpoints: registry =>
        {
            villages = LoudspeakerHub.Villages(registry, 2);
            return new CountyEndpoints(
            [
                new Terminal("serial-a", villages[0], ChannelNames.LoudspeakerSerial, "serial:a", false),
                new Terminal("serial-b", villages[1], ChannelNames.LoudspeakerSerial, "serial:b", false),
            ], [], []);
        });

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("channels").TryGetProperty(ChannelNames.LoudspeakerSerial, out var c)
            && c.Count("planned") == 2 && c.Count("delivered") == 2, TimeSpan.FromSeconds(60));

        // Each module heard the bulletin's script in GBK frames and decoded it as Chinese text.
        Assert.Contains("暴雨红色预警", moduleA.SpokenText, StringComparison.Ordinal);
        Assert.Contains("暴雨红色预警", moduleB.SpokenText, StringComparison.Ordinal);
        var reach = await hub.ReachAsync(id);
        foreach (var village in villages)
        {
            var row = LoudspeakerHub.VillageChannel(reach, village, ChannelNames.LoudspeakerSerial);
            Assert.Equal((1, 1, 0, 0), (row.Count("targeted"), row.Count("delivered"), row.Count("failed"), row.Count("offline")));
        }
    }
}
