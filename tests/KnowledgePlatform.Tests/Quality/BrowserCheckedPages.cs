using System.Collections.Concurrent;
using KnowledgePlatform.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Quality;

/// <summary>
/// Every page kind opened in Chromium at each width, checked by axe-core and measured for reflow,
/// once for the class and a few pages at a time; each test then reads the result for its page.
/// One app and one browser serve them all.
/// </summary>
public sealed class BrowserCheckedPages : IAsyncLifetime
{
    /// <summary>A desktop screen, and the narrowest phone (320 CSS px, WCAG's reflow width).</summary>
    public static readonly int[] Widths = [1280, 320];

    // Four tabs at a time keep the cores busy while one tab waits for the app and another runs axe.
    private const int Tabs = 4;

    private readonly DemoSiteOverHttp site = new();
    private readonly ChromiumBrowser chromium = new();
    private ILookup<string, Check> checks = Enumerable.Empty<Check>().ToLookup(c => c.Kind.Path);

    /// <summary>What one page kind showed at one width.</summary>
    public sealed record Check(PageKind Kind, int Width, int? Status, IReadOnlyList<AxeViolation> Violations, IReadOnlyList<string> Overflowing);

    public IReadOnlyList<Check> For(string path) => [.. checks[path]];

    public ChromiumBrowser Chromium => chromium;

    public Uri BaseAddress => site.BaseAddress;

    public async ValueTask InitializeAsync()
    {
        await Task.WhenAll(site.InitializeAsync().AsTask(), chromium.InitializeAsync().AsTask());
        var work = new ConcurrentQueue<(PageKind Kind, int Width)>(PublicPages.All.SelectMany(kind => Widths.Select(width => (kind, width))));
        var results = await Task.WhenAll(Enumerable.Range(0, Tabs).Select(_ => CheckInOneTabAsync(work)));
        checks = results.SelectMany(r => r).ToLookup(c => c.Kind.Path);
    }

    /// <summary>
    /// Takes pages off the shared queue until it is empty, all in one tab: a new browser context
    /// per page would start a renderer process each time, which doubled the run's CPU time. The
    /// pages keep no state that changes what axe sees.
    /// </summary>
    private async Task<List<Check>> CheckInOneTabAsync(ConcurrentQueue<(PageKind Kind, int Width)> work)
    {
        var done = new List<Check>();
        var page = await chromium.NewPageAsync(site.BaseAddress, Widths[0]);
        try
        {
            while (work.TryDequeue(out var next))
            {
                await page.SetViewportSizeAsync(next.Width, 900);
                done.Add(await CheckAsync(page, next.Kind, next.Width));
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        return done;
    }

    private static async Task<Check> CheckAsync(IPage page, PageKind kind, int width)
    {
        var response = await page.GotoAsync(kind.Path);
        return new Check(kind, width, response?.Status, await Axe.RunAsync(page), await Reflow.OverflowingElementsAsync(page));
    }

    public async ValueTask DisposeAsync()
    {
        await chromium.DisposeAsync();
        await site.DisposeAsync();
    }
}
