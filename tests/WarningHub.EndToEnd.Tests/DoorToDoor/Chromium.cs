using Microsoft.Playwright;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>
/// Debian's Chromium driven by Playwright (never `playwright install`: the browser is the system's), with a phone's
/// screen: 360 px wide, zh-CN. Screenshots go with the test results (.test-run/, where test.sh keeps the TRX files).
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> StartAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: test.sh installs Debian's chromium package (apt-get install chromium fonts-wqy-microhei).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A phone: 360 × 740 CSS px, Chinese locale, Beijing time.</summary>
    public async Task<IPage> PhoneAsync(string baseUrl)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        return await context.NewPageAsync();
    }

    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(Repo.Root, ".test-run");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
