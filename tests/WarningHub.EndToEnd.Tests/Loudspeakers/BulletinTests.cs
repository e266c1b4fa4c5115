using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.Engine.Shared;
using WarningHub.Engine.Sending;

namespace WarningHub.EndToEnd.Tests.Loudspeakers;

/// <summary>The hub's bulletins: one source for loudspeaker terminals and broadcasters' links, tones and text when speech is missing.</summary>
public sealed class BulletinTests
{
    [Fact]
    public async Task WithoutEspeak_TheHubStartsAndSaysSoOnce_AndTheBroadcastersLinkPlaysTheSameTonesOnlyBulletinAsTerminalsGet()
    {
        var logs = new ListLoggerProvider();
        var settings = LoudspeakerHub.Settings();
        settings["WarningHub:Audio:SpeechEngine"] = "espeak-ng";
        settings["WarningHub:Audio:EspeakPath"] = "/nonexistent/espeak-ng";
        await using var hub = await TestHub.StartAsync(persons: 300, settings: settings, configure: b => b.Logging.AddProvider(logs));
        static bool FromSpeechCheck(LogEntry e) => e.Category.EndsWith(".SpeechCheck", StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => logs.Entries.Any(FromSpeechCheck), TimeSpan.FromSeconds(15)), "the speech check reported");

        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var record = (await hub.Store().GetAsync(id, default))!;
        var bulletin = await Assert.Single(hub.App.Services.GetServices<IBulletinSource>()).BulletinAsync(record, default);
        var village = LoudspeakerHub.Villages(hub.Registry, 1)[0];
        var link = hub.App.Services.GetRequiredService<BroadcastLinks>().PathOf(record, village);
        using var response = await hub.Http.GetAsync(new Uri(link + "/audio.wav", UriKind.Relative));

        var check = Assert.Single(logs.Entries, FromSpeechCheck);
        Assert.Equal(LogLevel.Warning, check.Level);
        Assert.Contains("tones only", check.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/espeak-ng", check.Message, StringComparison.Ordinal);
        // Tones only: a red bulletin's two sirens and gaps, no speech; the script still goes to terminals that speak.
        Assert.InRange(bulletin.Clip.Duration, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10));
        Assert.Contains("暴雨", bulletin.Script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bulletin.Clip.TryGet(AudioFormat.WavPcm16k, out var wav));
        Assert.Equal(wav.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }
}
