using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Abstractions;
using WarningHub.Core.Registry;
using WarningHub.Engine.Acknowledgements;

namespace WarningHub.EndToEnd.Tests.Acknowledgements;

/// <summary>
/// An officer's 叫应 link after its warning ended: a Cancel leaves the page saying the warning has ended and refuses
/// answers by link and by SMS reply; like a cadre's door-to-door link, it opens until the warning's expiry plus 24 h.
/// </summary>
public sealed partial class AcknowledgementLinkLifetimeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AfterACancel_ThePageSaysEnded_AnswersAreRefused_AndPastExpiryPlus24HoursTheLinkIsGone()
    {
        var clock = new ShiftedTime();
        await using var hub = await TestHub.StartAsync(persons: 300, endpoints: Endpoints, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        var endpoints = Endpoints(hub.Registry);
        var cadre = endpoints.Responsibilities.Where(r => r.Tier == ResponsibilityTier.Village && r.Acknowledges)
            .Select(r => endpoints.FindOfficer(r.OfficerId)!).First();
        Assert.True(await Eventually.TrueAsync(() => CallTo(hub, cadre.Phone) is not null, Bound), "the village cadre got the 叫应 SMS");
        var link = LinkPattern().Match(CallTo(hub, cadre.Phone)!).Value;

        await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        await TestHub.WaitForAsync(hub.Http, id, w => w.GetProperty("state").GetString() == "Cancelled", Bound);
        using var page = await hub.Http.GetAsync(new Uri(link));
        var html = await page.Content.ReadAsStringAsync();
        using var received = await hub.Http.PostAsync(new Uri(link + "/received"), null);
        var replied = await hub.App.Services.GetRequiredService<ReplyPump>()
            .HandleAsync(new InboundText("86" + cadre.Phone, "12379", "收到", clock.GetUtcNow()), default);
        var board = await hub.Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{id}/acknowledgements");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("已结束", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button>收到</button>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, received.StatusCode);
        Assert.Empty(replied);
        var officer = board.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("officerId").GetInt64() == cadre.Id);
        Assert.Equal(JsonValueKind.Null, officer.GetProperty("answeredAt").ValueKind);

        var expires = (await hub.WarningAsync(id)).GetProperty("expires").GetDateTimeOffset();
        clock.Offset = expires - clock.GetUtcNow() + TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1);
        using var lastMinute = await hub.Http.GetAsync(new Uri(link));
        clock.Offset += TimeSpan.FromMinutes(2);
        using var gone = await hub.Http.GetAsync(new Uri(link));
        using var goneAnswer = await hub.Http.PostAsync(new Uri(link + "/received"), null);

        Assert.Equal(AcknowledgementLinks.ValidUntil((await hub.App.Services.GetRequiredService<WarningHub.Core.Warnings.IWarningStore>().GetAsync(id, default))!),
            expires + TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, lastMinute.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("链接已过期", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, goneAnswer.StatusCode);
    }

    /// <summary>The generated officers and their responsibilities; no terminals (no loudspeaker adapter is configured).</summary>
    private static CountyEndpoints Endpoints(CountyRegistry registry)
    {
        var generated = EndpointGenerator.Generate(registry, (_, i) => $"rtp://10.51.0.{(i % 250) + 1}:5004", (_, i) => $"serial:tts1#1/{(i + 4) / 4}");
        return new CountyEndpoints([], [], generated.Officers, generated.Responsibilities);
    }

    private static string? CallTo(TestHub hub, string phone) =>
        hub.Smsc.ReceivedMessages.FirstOrDefault(m => m.Destination == phone && m.Text.Contains("【叫应】", StringComparison.Ordinal))?.Text;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/a/[^\s/]+/\d+/[0-9a-f]{16}")]
    private static partial Regex LinkPattern();

    /// <summary>The system clock moved on by <see cref="Offset"/>: the hub runs on real time until the test jumps a day ahead.</summary>
    private sealed class ShiftedTime : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
