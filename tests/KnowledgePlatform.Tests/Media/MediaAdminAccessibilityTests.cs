using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Quality;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Media;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Media;

/// <summary>The media screens pass axe-core in a real Chromium, signed in through the real login form, at desktop and phone width.</summary>
public sealed class MediaAdminAccessibilityTests(DemoSiteOverHttp site) : IClassFixture<DemoSiteOverHttp>, IAsyncLifetime
{
    private readonly ChromiumBrowser chromium = new();

    public ValueTask InitializeAsync() => chromium.InitializeAsync();

    public ValueTask DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task Library_and_edit_pages_have_no_axe_violations()
    {
        var ct = TestContext.Current.CancellationToken;
        var user = await BackOfficeUsers.CreateAsync(site.Factory, Roles.Redacteur);
        var item = await site.Factory.InScopeAsync(sp => sp.GetRequiredService<UploadMedia.Handler>()
            .HandleAsync(new UploadMedia.Command(new MemoryStream(TestImages.Jpeg(1200, 800)), "toegankelijk.jpg", "Een grijs vlak", null, "test"), ct));

        var page = await chromium.NewPageAsync(site.BaseAddress, BrowserCheckedPages.Widths[0]);
        try
        {
            await page.GotoAsync("/beheer/inloggen");
            await page.FillAsync("#Email", user.Email!);
            await page.FillAsync("#Password", BackOfficeUsers.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            // Generous: under a full parallel test run on 2 cores the sign-in round trip has taken over 30 s.
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overzicht", new() { Timeout = 90_000 });

            var failures = new List<string>();
            foreach (var path in new[] { "/beheer/media", $"/beheer/media/bewerken/{item.Id}" })
            {
                foreach (var width in BrowserCheckedPages.Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    var response = await page.GotoAsync(path);
                    Assert.Equal(200, response?.Status);
                    var violations = await Axe.RunAsync(page);
                    if (violations.Count > 0)
                    {
                        failures.Add($"{path} at {width} px:\n{Axe.Describe(violations)}");
                    }
                }
            }

            Assert.True(failures.Count == 0, string.Concat(failures));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
