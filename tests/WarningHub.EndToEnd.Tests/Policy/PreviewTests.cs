using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Cap;
using WarningHub.Core.Planning.Policy;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.EndToEnd.Tests.Policy;

/// <summary>POST /api/v1/warnings/preview: the real planner's recipients and the real texts' parts, before release, storing nothing.</summary>
public sealed class PreviewTests
{
    [Fact]
    public async Task Preview_RedRainstorm_ListsTheSmsRecipientsAndPartsTheReleaseThenSends_AndStoresNothing()
    {
        await using var hub = await TestHub.StartAsync(persons: 1200);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        var preview = await PreviewAsync(hub, alert);
        var sms = preview.GetProperty("channels").GetProperty("sms");
        Assert.Null(await hub.App.Services.GetRequiredService<IWarningStore>().FindAsync(alert.Sender, alert.Identifier, default));

        var id = await hub.SubmitAcceptedAsync(alert);
        await hub.WaitAllFinalAsync(id);
        var received = hub.Smsc.ReceivedMessages;
        Assert.Equal(received.Select(m => m.Destination).Distinct().Count(), sms.GetProperty("recipients").GetInt32());
        Assert.Equal(received.Count, sms.GetProperty("recipients").GetInt32());
        // Every message is the same text: the preview's parts are what the SMSC took per message.
        Assert.All(received, m => Assert.Equal(sms.GetProperty("parts").GetInt32(), m.MessageIds.Count));
        Assert.Equal(1200, preview.GetProperty("personsTargeted").GetInt32());
        var forecast = preview.GetProperty("forecast");
        Assert.True(forecast.GetProperty("p95Seconds").GetDouble() >= forecast.GetProperty("p50Seconds").GetDouble());
        Assert.True(forecast.GetProperty("p50Seconds").GetDouble() > 0);
        Assert.Equal("default", forecast.GetProperty("receiptDelays").GetProperty("sms").GetProperty("source").GetString());

        // After a release, the receipt delays come from what the ledger saw.
        var again = (await PreviewAsync(hub, LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("forecast").GetProperty("receiptDelays").GetProperty("sms");
        Assert.Equal("history", again.GetProperty("source").GetString());
        Assert.Equal(1, again.GetProperty("warnings").GetInt32());
        Assert.True(again.GetProperty("p95Seconds").GetDouble() >= again.GetProperty("medianSeconds").GetDouble());
    }

    [Fact]
    public async Task Preview_ChannelsOffParameter_RemovesTheChannel_AndAnUnknownNameIsA400NamingTheParameterOnPreviewAndSubmit()
    {
        await using var hub = await TestHub.StartAsync(persons: 300);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        Assert.True((await PreviewAsync(hub, alert)).GetProperty("channels").TryGetProperty("sms", out _), "sms is on without the parameter");

        var off = WithParameter(alert, ChannelsOff.ParameterName, "SMS, tv");
        var preview = await PreviewAsync(hub, off);
        Assert.False(preview.GetProperty("channels").TryGetProperty("sms", out _), "sms is kept off");
        Assert.Equal(["sms", "tv"], preview.GetProperty("channelsOff").EnumerateArray().Select(e => e.GetString()));

        var unknown = WithParameter(alert, ChannelsOff.ParameterName, "sms,fax");
        var index = unknown.Infos[0].Parameters.Count - 1;
        foreach (var path in new[] { "/api/v1/warnings/preview", "/api/v1/warnings" })
        {
            using var response = await hub.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(LiveWarning.Xml(unknown), Encoding.UTF8, "application/cap+xml"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            var error = Assert.Single(errors.EnumerateArray());
            Assert.Equal($"info[0].parameter[{index}]", error.GetProperty("field").GetString());
            Assert.Contains("fax", error.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains(ChannelsOff.ParameterName, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        Assert.Null(await hub.App.Services.GetRequiredService<IWarningStore>().FindAsync(unknown.Sender, unknown.Identifier, default));
    }

    [Fact]
    public async Task Preview_Forecast_GrowsWhenTheGatewayRateIsLowered()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        double fast, slow;
        await using (var hub = await TestHub.StartAsync(persons: 2000, gatewayRate: 500))
        {
            fast = (await PreviewAsync(hub, alert)).GetProperty("forecast").GetProperty("p95Seconds").GetDouble();
        }
        await using (var hub = await TestHub.StartAsync(persons: 2000, gatewayRate: 20))
        {
            var forecast = (await PreviewAsync(hub, alert)).GetProperty("forecast");
            slow = forecast.GetProperty("p95Seconds").GetDouble();
            Assert.Equal(20, forecast.GetProperty("smsPartsPerSecond").GetDouble());
        }
        Assert.True(slow > fast, $"at 20 parts/s the forecast ({slow} s) is longer than at 500 ({fast} s)");
    }

    [Fact]
    public async Task Preview_WithALoudspeakerChannel_ForecastsTheBulletinsLength_AndTheLoudspeakersP50IsNoShorter()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: LoudspeakerHub.Settings(), endpoints: registry =>
            new CountyEndpoints([LoudspeakerHub.Terminal("jy-a", LoudspeakerHub.Villages(registry, 1)[0], "rtp://127.0.0.1:40000")], [], []));

        var preview = await PreviewAsync(hub, LiveWarning.Sample("red-rainstorm.cap.xml"));

        var bulletin = preview.GetProperty("forecast").GetProperty("bulletinSeconds");
        Assert.Equal(JsonValueKind.Number, bulletin.ValueKind);
        Assert.True(bulletin.GetDouble() > 0, $"a bulletin of tones takes time: {bulletin}");
        var loudspeaker = preview.GetProperty("channels").GetProperty(ChannelNames.LoudspeakerIp);
        Assert.Equal(1, loudspeaker.GetProperty("recipients").GetInt32());
        // The terminal plays the whole bulletin before it can report: its median can be no sooner than the bulletin ends.
        Assert.True(loudspeaker.GetProperty("p50Seconds").GetDouble() >= bulletin.GetDouble(),
            $"loudspeaker p50 {loudspeaker.GetProperty("p50Seconds")} s, bulletin {bulletin} s");

        // Without a loudspeaker channel there is no bulletin to forecast.
        await using var plain = await TestHub.StartAsync(persons: 300);
        Assert.Equal(JsonValueKind.Null, (await PreviewAsync(plain, LiveWarning.Sample("red-rainstorm.cap.xml"))).GetProperty("forecast").GetProperty("bulletinSeconds").ValueKind);
    }

    [Fact]
    public async Task Preview_CancelOfAReleasedWarning_CountsEveryoneItReached_AndTheAllClearGoesToExactlyThatMany()
    {
        await using var hub = await TestHub.StartAsync(persons: 600);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var first = await hub.SubmitAcceptedAsync(alert);
        var reached = TestHub.Sms(await hub.WaitAllFinalAsync(first), "delivered");
        Assert.True(reached > 0);

        // A Cancel has no area of its own: every SMS recipient is one the earlier warning reached.
        var cancel = LiveWarning.CancelOf(alert);
        var preview = await PreviewAsync(hub, cancel);
        Assert.Equal(reached, preview.GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32());
        Assert.Equal(reached, preview.GetProperty("followUp").GetProperty("sms").GetInt32());

        // An Update of the same area reaches the same phones through its own plan: none is added twice.
        var update = (await PreviewAsync(hub, LiveWarning.UpdateOf(alert))).GetProperty("channels").GetProperty("sms").GetProperty("recipients").GetInt32();
        Assert.Equal(reached, update);

        var allClear = await hub.WaitAllFinalAsync(await hub.SubmitAcceptedAsync(cancel));
        Assert.Equal(reached, TestHub.Sms(allClear, "planned"));
    }

    internal static async Task<JsonElement> PreviewAsync(TestHub hub, CapAlert alert)
    {
        using var response = await hub.Http.PostAsync(new Uri("/api/v1/warnings/preview", UriKind.Relative), new StringContent(LiveWarning.Xml(alert), Encoding.UTF8, "application/cap+xml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    internal static CapAlert WithParameter(CapAlert alert, string name, string value) => alert with
    {
        Infos = alert.Infos.Select((info, i) => i == 0 ? info with { Parameters = [.. info.Parameters, new CapNamedValue(name, value)] } : info).ToList(),
    };
}
