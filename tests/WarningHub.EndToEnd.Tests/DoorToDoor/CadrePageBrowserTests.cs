using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarningHub.Core.Reach;
using WarningHub.Engine.Shared;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>The village cadre's page in a real browser on a 360-px phone: marks, two cadres, a cancelled warning.</summary>
public sealed class CadrePageBrowserTests(DoorToDoorHub fixture) : IClassFixture<DoorToDoorHub>, IAsyncLifetime
{
    private Chromium _chromium = null!;

    public async Task InitializeAsync() => _chromium = await Chromium.StartAsync();

    public async Task DisposeAsync() => await _chromium.DisposeAsync();

    private string BaseUrl => fixture.Hub.Http.BaseAddress!.ToString();

    [Fact]
    public async Task CadrePage_At360Px_TappingAMark_TakesTheHouseholdOffTheList_InOneSmallLoadWithNoOtherAsset()
    {
        var page = await _chromium.PhoneAsync(BaseUrl);
        var requests = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        var response = await page.GotoAsync(fixture.LinkOf(fixture.Cadre.Id));
        Assert.NotNull(response);
        Assert.InRange((await response.BodyAsync()).Length, 1, 100 * 1024);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cadre-page-360.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "nothing overflows a 360-px screen");
        Assert.All(requests, url => Assert.StartsWith(BaseUrl.TrimEnd('/'), url, StringComparison.Ordinal));
        var before = await HouseholdsLeftAsync(page);
        var first = page.Locator("ol > li").First;
        var id = (await first.GetAttributeAsync("id"))!;

        await first.Locator("button[value=toldInPerson]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("done="));

        Assert.Equal(before - 1, await HouseholdsLeftAsync(page));
        Assert.Equal(0, await page.Locator($"li#{id}").CountAsync());
        Assert.Contains("已记录", await page.Locator(".ok").First.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoCadres_MarkingOneHousehold_BothMarksAreKept_AndItLeavesBothLists()
    {
        var first = await _chromium.PhoneAsync(BaseUrl);
        var second = await _chromium.PhoneAsync(BaseUrl);
        await first.GotoAsync(fixture.LinkOf(fixture.Cadre.Id));
        await second.GotoAsync(fixture.LinkOf(fixture.SecondCadreId));
        var id = (await first.Locator("ol > li").Last.GetAttributeAsync("id"))!;
        var household = long.Parse(id[1..], CultureInfo.InvariantCulture);

        // Nobody home for the first cadre: the household stays, with the mark shown to the second one.
        await first.Locator($"li#{id} button[value=nobodyHome]").ClickAsync();
        await first.WaitForURLAsync(new System.Text.RegularExpressions.Regex("done="));
        Assert.Equal(1, await first.Locator($"li#{id}").CountAsync());
        await second.ReloadAsync();
        Assert.Contains("外出无人", await second.Locator($"li#{id} .done").InnerTextAsync(), StringComparison.Ordinal);
        // The second cadre reaches them by phone: off both lists.
        await second.Locator($"li#{id} button[value=toldByPhone]").ClickAsync();
        await second.WaitForURLAsync(new System.Text.RegularExpressions.Regex("done="));
        Assert.Equal(0, await second.Locator($"li#{id}").CountAsync());
        await first.ReloadAsync();
        Assert.Equal(0, await first.Locator($"li#{id}").CountAsync());

        var marks = fixture.Hub.App.Services.GetRequiredService<IHouseholdMarks>();
        var all = await marks.OfWarningAsync(await WarningIdAsync(), long.Parse(fixture.Village, CultureInfo.InvariantCulture), default);
        Assert.Equal([(HouseholdMarkKind.NobodyHome, fixture.Cadre.Id), (HouseholdMarkKind.ToldByPhone, fixture.SecondCadreId)],
            all.Where(m => m.HouseholdId == household).Select(m => (m.Kind, m.OfficerId)));
    }

    [Fact]
    public async Task CadrePage_AfterACancel_SaysTheWarningWasCancelled_AndTakesNoMarks()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await fixture.Hub.SubmitAcceptedAsync(alert);
        await fixture.Hub.WaitAllFinalAsync(id);
        var link = fixture.Hub.App.Services.GetRequiredService<DoorLinks>().PathOf(id, fixture.Village, fixture.Cadre.Id);
        var page = await _chromium.PhoneAsync(BaseUrl);
        await page.GotoAsync(link);
        var stale = page.Locator("ol > li").First.Locator("button[value=evacuated]");
        Assert.Equal(1, await stale.CountAsync());

        await fixture.Hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        Assert.True(await Eventually.TrueAsync(async () => (await fixture.Hub.WarningAsync(id)).GetProperty("state").GetString() == "Cancelled",
            TimeSpan.FromSeconds(30)), "the cancel is applied");

        // The page still open from before the cancel: its button is refused.
        var answer = await page.RunAndWaitForResponseAsync(() => stale.ClickAsync(), r => r.Url.EndsWith("/mark", StringComparison.Ordinal));
        Assert.Equal(409, answer.Status);
        Assert.Contains("已取消", await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync(link);
        Assert.Contains("该预警已取消", await page.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("cadre-page-cancelled-360.png") });
        var marks = fixture.Hub.App.Services.GetRequiredService<IHouseholdMarks>();
        var warning = await fixture.Hub.App.Services.GetRequiredService<WarningHub.Core.Warnings.IWarningStore>().GetAsync(id, default);
        Assert.Empty(await marks.OfWarningAsync(warning!.Id, null, default));
    }

    private static async Task<int> HouseholdsLeftAsync(IPage page) =>
        int.Parse(await page.Locator(".sum b").First.InnerTextAsync(), CultureInfo.InvariantCulture);

    private async Task<long> WarningIdAsync() =>
        (await fixture.Hub.App.Services.GetRequiredService<WarningHub.Core.Warnings.IWarningStore>().GetAsync(fixture.Warning, default))!.Id;
}
