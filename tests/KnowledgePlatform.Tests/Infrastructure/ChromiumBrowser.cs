using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium driven by Playwright, shared by the tests of a class; each test
/// opens its own context (cookies, viewport), which is cheap. Playwright cannot download its own
/// browser builds here, so it is pointed at the system's chromium.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    // No sandbox: the tests run as root in a container. The rest keeps Chromium from reaching
    // out to the network or spending time on things a test does not need.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestTools.Chromium,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>A fresh page in its own context, at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
