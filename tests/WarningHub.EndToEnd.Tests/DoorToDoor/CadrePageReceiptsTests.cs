using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>The cadre's list shrinks as delivery receipts arrive, not only as cadres mark.</summary>
public sealed class CadrePageReceiptsTests
{
    [Fact]
    public async Task CadrePage_WhileReceiptsAreOnTheirWay_ListsPendingSms_AndLosesThoseHouseholdsWhenTheReceiptsArrive()
    {
        // Receipts come 8 s after each message: long enough to see them pending on a loaded machine (and within the receipt window).
        await using var chromium = await Chromium.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, smsc: o => o.ReceiptDelay = TimeSpan.FromSeconds(8),
            settings: new Dictionary<string, string?> { ["WarningHub:Engine:ReceiptWindow"] = "00:02:00" }, endpoints: registry =>
        {
            var generated = EndpointGenerator.Generate(registry, (v, i) => $"rtp://127.0.0.1:{40000 + i}", (v, i) => $"serial:///dev/null?unit={i}");
            return new CountyEndpoints([], [], generated.Officers);
        });
        var endpoints = hub.App.Services.GetRequiredService<RegistryHolder>().Endpoints;
        var village = hub.Registry.Villages.OrderByDescending(v => hub.Registry.PersonsInVillage(v.Code).Count).First().Code;
        var cadre = endpoints.OfficersOf(village).First(o => o.Role == OfficerRole.VillageCadre);
        var id = await hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var link = hub.App.Services.GetRequiredService<DoorLinks>().PathOf(id, village, cadre.Id);
        var page = await chromium.PhoneAsync(hub.Http.BaseAddress!.ToString());

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(link);
            return (await page.ContentAsync()).Contains("短信待回执", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30)), "the page lists households whose SMS wait for their receipt");
        var whilePending = await HouseholdsLeftAsync(page);

        await hub.WaitAllFinalAsync(id);
        await page.GotoAsync(link);

        Assert.DoesNotContain("短信待回执", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await HouseholdsLeftAsync(page) < whilePending, "households whose receipts arrived left the list");
    }

    private static async Task<int> HouseholdsLeftAsync(Microsoft.Playwright.IPage page) =>
        int.Parse(await page.Locator(".sum b").First.InnerTextAsync(), CultureInfo.InvariantCulture);
}
