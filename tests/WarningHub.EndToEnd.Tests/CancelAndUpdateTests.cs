using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Audit;
using WarningHub.Core.Cap;

namespace WarningHub.EndToEnd.Tests;

public sealed class CancelAndUpdateTests
{
    private const string AllClear = "【解除】";
    private const string Correction = "【更正】";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Cancel_MidFanOut_StopsEveryPendingSend_AndTellsExactlyThoseAlreadyWarned()
    {
        // 200 submit_sm per second and three parts per message: the fan-out would take about 40 s.
        await using var hub = await TestHub.StartAsync(persons: 3000, gatewayRate: 200);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        await TestHub.WaitForAsync(hub.Http, id, w => TestHub.Sms(w, "sent") > 50, TimeSpan.FromSeconds(30));

        var cancel = await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        // Bounded generously, not timed: the stop within 5 s is proved on fake time in Engine.Tests/Time/CancelTests.
        var warning = await TestHub.WaitForAsync(hub.Http, id, w => TestHub.Sms(w, "pending") - TestHub.Sms(w, "awaitingReceipt") == 0, TimeSpan.FromSeconds(30));
        var final = await hub.WaitAllFinalAsync(id);
        var allClear = await hub.WaitAllFinalAsync(cancel, TimeSpan.FromSeconds(60));

        Assert.Equal("Cancelled", warning.GetProperty("state").GetString());
        Assert.True(TestHub.Sms(final, "failed") > 1000, $"most slots end cancelled: {final}");
        Assert.Equal(TestHub.Sms(final, "planned"), TestHub.Sms(final, "delivered") + TestHub.Sms(final, "failed") + TestHub.Sms(final, "unconfirmed"));

        // Everyone the warning reached, and nobody else, gets the all-clear once.
        var messages = hub.Smsc.ReceivedMessages;
        var warned = messages.Where(m => !m.Text.Contains(AllClear, StringComparison.Ordinal)).Select(m => m.Destination).ToHashSet();
        var told = messages.Where(m => m.Text.Contains(AllClear, StringComparison.Ordinal)).Select(m => m.Destination).ToList();
        Assert.Equal(TestHub.Sms(final, "delivered"), warned.Count);
        Assert.Equal(warned.Order(), told.Order());
        Assert.Equal(warned.Count, TestHub.Sms(allClear, "delivered"));
        Assert.Equal("Released", allClear.GetProperty("state").GetString());
        Assert.All(messages.Where(m => m.Text.Contains(AllClear, StringComparison.Ordinal)),
            m => Assert.Contains(alert.Infos[0].Headline!, m.Text, StringComparison.Ordinal));

        // The cancel is in the audit, on the warning it ended, and the chain still verifies.
        var audit = await hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var cancelled = Assert.Single(audit, r => r.Action == AuditActions.Cancel);
        Assert.Equal(id, cancelled.Subject);
        Assert.Contains("Cancelled", cancelled.Detail, StringComparison.Ordinal);
        Assert.Null(AuditChain.Verify(audit));
    }

    [Fact]
    public async Task Update_SupersedesTheEarlierWarningsPendingSends_AndIsReleasedItself()
    {
        await using var hub = await TestHub.StartAsync(persons: 2000, gatewayRate: 300);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var first = await hub.SubmitAcceptedAsync(alert);
        await TestHub.WaitForAsync(hub.Http, first, w => TestHub.Sms(w, "sent") > 20, TimeSpan.FromSeconds(30));

        var second = await hub.SubmitAcceptedAsync(LiveWarning.UpdateOf(alert));
        var earlier = await hub.WaitAllFinalAsync(first);
        var later = await hub.WaitAllFinalAsync(second, TimeSpan.FromSeconds(90));

        Assert.Equal("Superseded", earlier.GetProperty("state").GetString());
        Assert.True(TestHub.Sms(earlier, "failed") > 0, "the earlier warning's pending slots were cancelled");
        Assert.Equal(TestHub.Sms(later, "planned"), TestHub.Sms(later, "delivered"));
        Assert.Contains(hub.Smsc.ReceivedMessages, m => m.Text.Contains(Correction + alert.Infos[0].Headline + "（更新）", StringComparison.Ordinal));
        Assert.Equal(first, later.GetProperty("references")[0].GetString());
    }

    [Fact]
    public async Task Update_ToASmallerArea_AlsoCorrectsThoseTheEarlierWarningReachedOutsideIt_OncePerPhone()
    {
        await using var hub = await TestHub.StartAsync(persons: 600);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var first = await hub.SubmitAcceptedAsync(alert);
        var earlier = await hub.WaitAllFinalAsync(first);
        var warned = hub.Smsc.ReceivedMessages.Select(m => m.Destination).ToHashSet();
        Assert.Equal(TestHub.Sms(earlier, "delivered"), warned.Count);

        var town = hub.Registry.Towns[0].Code;
        var update = LiveWarning.UpdateOf(alert) with
        {
            Infos = [.. LiveWarning.UpdateOf(alert).Infos.Select(i => i with
            {
                Areas = [new CapArea { AreaDesc = hub.Registry.Towns[0].Name, Geocodes = [new CapNamedValue("GB/T 2260", town)] }],
            })],
        };
        var second = await hub.SubmitAcceptedAsync(update);
        var later = await hub.WaitAllFinalAsync(second);

        var corrections = hub.Smsc.ReceivedMessages.Where(m => m.Text.Contains(Correction, StringComparison.Ordinal)).Select(m => m.Destination).ToList();
        Assert.Equal(corrections.Count, corrections.Distinct().Count());
        Assert.True(warned.IsSubsetOf(corrections), "everyone the earlier warning reached hears of the correction");
        Assert.Equal(TestHub.Sms(later, "planned"), corrections.Count);
        Assert.True(corrections.Count > warned.Count / 20, "sanity: the town has people");
    }

    [Fact]
    public async Task CapFeed_KeepsTheOriginalBesideItsCancel_AndTheCancelIsPublic()
    {
        await using var hub = await TestHub.StartAsync(persons: 300, settings: Feeds.FeedHub.TvChannels());
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await hub.SubmitAcceptedAsync(alert);
        await hub.WaitAllFinalAsync(id);
        var cancel = await hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        await hub.WaitAllFinalAsync(cancel);

        using var anonymous = new HttpClient { BaseAddress = hub.Http.BaseAddress };
        XElement[] entries = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var atom = XDocument.Parse(await anonymous.GetStringAsync(new Uri("/api/v1/feeds/cap", UriKind.Relative)));
            entries = [.. atom.Root!.Elements(Atom + "entry")];
            return entries.Length == 2;
        }, TimeSpan.FromSeconds(10)), $"feed entries: {entries.Length}");
        Assert.EndsWith(cancel, entries[0].Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.EndsWith(id, entries[1].Element(Atom + "id")!.Value, StringComparison.Ordinal);

        using var document = await anonymous.GetAsync(new Uri($"/api/v1/warnings/{cancel}.cap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var served = CapXmlReader.Read(await document.Content.ReadAsStreamAsync()).EnsureValid();
        Assert.Equal(CapMsgType.Cancel, served.MsgType);

        // The TV crawl shows warnings in force only: neither the cancelled warning nor the Cancel.
        var tv = await anonymous.GetStringAsync(new Uri("/api/v1/feeds/tv/jytv.json", UriKind.Relative));
        Assert.DoesNotContain(alert.Infos[0].Headline!, tv, StringComparison.Ordinal);
    }
}
