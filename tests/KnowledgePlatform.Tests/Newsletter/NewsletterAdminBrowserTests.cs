using KnowledgePlatform.Tests.BackOffice;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Quality;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// The newsletter and registration screens in a real Chromium, signed in through the real login:
/// axe-core clean at desktop and phone width; the preview's sandboxed iframe shows the mail; the
/// send page's figures refresh themselves without a reload.
/// </summary>
public sealed class NewsletterAdminBrowserTests(DemoSiteOverHttp site) : IClassFixture<DemoSiteOverHttp>, IAsyncLifetime
{
    private static readonly Guid DemoIssue = Guid.Parse("da8dc263-c57f-4248-aecd-6bf1667f726c");
    private readonly ChromiumBrowser chromium = new();

    public ValueTask InitializeAsync() => chromium.InitializeAsync();

    public ValueTask DisposeAsync() => chromium.DisposeAsync();

    [Fact]
    public async Task The_newsletter_and_registration_screens_have_no_axe_violations()
    {
        var app = site.Factory;
        var draft = await IssueAdminTests.DraftIssueAsync(app, "Toegankelijke nieuwsbrief");
        var scheduled = await IssueAdminTests.DraftIssueAsync(app, "Ingeplande nieuwsbrief");
        await app.PublishAsync(await IssueAdminTests.IssueAsync(app, scheduled), scheduled);
        await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(scheduled, DateTime.UtcNow.AddDays(3), "redacteur@example.org"), TestContext.Current.CancellationToken));
        var subscriber = (await app.AddActiveSubscribersAsync(3, "axe")).First();
        var page = await SignedInAsync();
        try
        {
            var failures = new List<string>();
            string[] paths =
            [
                "/beheer/nieuwsbrief", "/beheer/nieuwsbrief/bewerken", $"/beheer/nieuwsbrief/bewerken/{DemoIssue}", $"/beheer/nieuwsbrief/voorbeeld/{draft}?abonnee={subscriber}",
                $"/beheer/nieuwsbrief/verzenden/{draft}", $"/beheer/nieuwsbrief/verzenden/{scheduled}", "/beheer/nieuwsbrief/abonnees",
                $"/beheer/nieuwsbrief/abonnees/abonnee/{subscriber}", "/beheer/nieuwsbrief/abonnees/importeren", "/beheer/nieuwsbrief/abonnees/persoonsgegevens",
                "/beheer/aanmeldingen",
            ];
            foreach (var path in paths)
            {
                foreach (var width in BrowserCheckedPages.Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    var response = await page.GotoAsync(path);
                    Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
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

    [Fact]
    public async Task The_preview_frame_shows_the_mail_and_the_send_figures_refresh_themselves()
    {
        var app = site.Factory;
        var key = await IssueAdminTests.DraftIssueAsync(app, "Live voortgang");
        await app.PublishAsync(await IssueAdminTests.IssueAsync(app, key), key);
        await app.AddActiveSubscribersAsync(2, "live");
        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(key, DateTime.UtcNow.AddDays(3), "redacteur@example.org"), TestContext.Current.CancellationToken));
        var page = await SignedInAsync();
        try
        {
            await page.GotoAsync($"/beheer/nieuwsbrief/voorbeeld/{key}");
            await Assertions.Expect(page.FrameLocator("iframe[sandbox]").Locator("body")).ToContainTextAsync("Artikel voor Live voortgang", new() { Timeout = 30_000 });

            await page.GotoAsync($"/beheer/nieuwsbrief/verzenden/{key}");
            var state = page.Locator("[aria-live] [data-field=stateLabel]");
            await Assertions.Expect(state).ToHaveTextAsync("ingepland");
            Assert.True(await app.InScopeAsync(sp => sp.Service<SendControl>().PauseAsync(send.Id, "Even wachten.", TestContext.Current.CancellationToken)));
            await Assertions.Expect(state).ToHaveTextAsync("gepauzeerd", new() { Timeout = 30_000 }); // no reload: the script fetched it
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInAsync()
    {
        var user = await BackOfficeUsers.CreateAsync(site.Factory, Roles.Redacteur);
        var page = await chromium.NewPageAsync(site.BaseAddress, BrowserCheckedPages.Widths[0]);
        await page.GotoAsync("/beheer/inloggen");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", BackOfficeUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        // Generous: under a full parallel test run on 2 cores the sign-in round trip has taken over 30 s.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overzicht", new() { Timeout = 90_000 });
        return page;
    }
}
