using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Media;
using KnowledgePlatform.Tests.Quality;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.Playwright;

namespace KnowledgePlatform.Tests.BackOffice;

/// <summary>The back-office in a real Chromium (Playwright, Debian's chromium) against the app on Kestrel.</summary>
public sealed class BackOfficeBrowserTests(BackOfficeOverHttp site, ChromiumBrowser chromium)
    : IClassFixture<BackOfficeOverHttp>, IClassFixture<ChromiumBrowser>
{
    // Generous: under a full parallel test run on 2 cores a save or an image render has taken over 30 s.
    private const float Slow = 90_000;

    [Fact]
    public async Task An_editor_creates_an_event_with_a_programme_item_and_a_new_speaker_previews_publishes_and_finds_it()
    {
        var page = await SignedInAsync(Roles.Redacteur);
        var title = $"Buurtkracht {Guid.NewGuid():N}"[..20];
        await page.GotoAsync("/beheer/inhoud/bewerken?type=Event");
        await FillEventAsync(page, title, "2031-09-10");
        await page.FillAsync("#prog-0-title", "Welkom en opening");
        await page.FillAsync("#prog-0-start", "13:30");
        await page.FillAsync("#Form_NewSpeakerName", "Joris Achterberg");
        await page.Locator(".kp-editor__content").First.ClickAsync(); // TipTap replaced the textarea
        await page.Keyboard.TypeAsync("Een middag over wat buurten sterk maakt.");

        // A photo: uploaded through the file input of the editor's media dialog, and placed in the description.
        await page.GetByRole(AriaRole.Button, new() { Name = "Afbeelding", Exact = true }).First.ClickAsync();
        var dialog = page.Locator("dialog.kp-media-dialog");
        await dialog.GetByLabel("Afbeelding (JPEG, PNG, WebP of GIF)").SetInputFilesAsync(
            new FilePayload { Name = "buurtkracht-zaal.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1200, 800) });
        await dialog.GetByLabel("Alternatieve tekst (wat is er te zien?)").FillAsync("Bewoners in gesprek in de zaal");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Toevoegen en kiezen" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0, new() { Timeout = Slow });
        await Assertions.Expect(page.Locator(".kp-editor__content img").First).ToHaveAttributeAsync("alt", "Bewoners in gesprek in de zaal");

        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Opgeslagen als versie 1", new() { Timeout = Slow });

        await page.GetByRole(AriaRole.Link, new() { Name = "Voorbeeld" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title, new() { Timeout = Slow });
        await Assertions.Expect(page.Locator(".kp-preview-banner")).ToContainTextAsync("Voorbeeld — niet gepubliceerd");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("Joris Achterberg");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("Een middag over wat buurten sterk maakt.");
        var photo = page.Locator("article img[alt='Bewoners in gesprek in de zaal']");
        await Assertions.Expect(photo).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/media/[0-9a-f-]{36}/960x\\.webp$"));
        await Assertions.Expect(photo).ToHaveJSPropertyAsync("naturalWidth", 960, new() { Timeout = Slow }); // the derivative, rendered by libvips
        await page.GoBackAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en publiceren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("gepubliceerd", new() { Timeout = Slow });
        await page.GotoAsync("/agenda");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(title);
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await Assertions.Expect(page.Locator("article img[alt='Bewoners in gesprek in de zaal']")).ToHaveJSPropertyAsync("naturalWidth", 960, new() { Timeout = Slow });
        await Eventually.AssertAsync(async () =>
        {
            await page.GotoAsync("/zoeken?q=" + Uri.EscapeDataString(title));
            Assert.Contains(title, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task An_author_is_not_offered_publishing()
    {
        var page = await SignedInAsync(Roles.Auteur);
        await page.GotoAsync("/beheer/inhoud/bewerken?type=Event");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en aanbieden ter beoordeling" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Opslaan en publiceren" })).ToHaveCountAsync(0);
        var response = await page.GotoAsync("/beheer/doorverwijzingen");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task A_scheduled_event_appears_on_the_agenda_on_time()
    {
        var page = await SignedInAsync(Roles.Redacteur);
        var title = $"Gepland {Guid.NewGuid():N}"[..18];
        await page.GotoAsync("/beheer/inhoud/bewerken?type=Event");
        await FillEventAsync(page, title, "2031-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan", Exact = true }).ClickAsync();
        var at = DutchTime.ToAmsterdam(site.Clock.GetUtcNow().AddHours(3));
        await page.FillAsync("#PublishDate", at.ToString("yyyy-MM-dd", DutchTime.Culture));
        await page.FillAsync("#PublishTime", at.ToString("HH:mm", DutchTime.Culture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Planning opslaan (leeg = planning weg)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Planning opgeslagen");

        await page.GotoAsync("/agenda");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(title);
        site.Clock.Advance(TimeSpan.FromHours(3.1));
        await Eventually.AssertAsync(async () =>
        {
            await page.GotoAsync("/agenda");
            Assert.Contains(title, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Back_office_pages_have_no_axe_violations()
    {
        var anonymous = await chromium.NewPageAsync(site.BaseAddress, 1280);
        await anonymous.GotoAsync("/beheer/inloggen");
        var failures = new List<string>();
        await CheckAsync(anonymous, failures);

        var page = await SignedInAsync(Roles.Beheerder);
        await page.GotoAsync("/beheer/inhoud/bewerken?type=Event");
        await FillEventAsync(page, "Toegankelijk beheer", "2031-11-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan", Exact = true }).ClickAsync();
        var editUrl = new Uri(page.Url).PathAndQuery;
        var key = editUrl.Split('/')[^1];
        foreach (var url in new[]
        {
            "/beheer", "/beheer/inhoud", editUrl, "/beheer/inhoud/bewerken?type=Workshop", "/beheer/inhoud/bewerken?type=MeetingReport",
            "/beheer/inhoud/bewerken?type=DossierArticle", "/beheer/inhoud/bewerken?type=Dossier", $"/beheer/inhoud/versies/{key}",
            $"/beheer/inhoud/voorbeeld/{key}", "/beheer/media",
            "/beheer/doorverwijzingen", "/beheer/gebruikers", "/beheer/gebruikers/uitnodigen", "/beheer/logboek", "/beheer/profiel",
            "/beheer/profiel/tweestaps",
        })
        {
            await page.GotoAsync(url);
            await CheckAsync(page, failures);
        }

        // The edit form with an attachment row, and the media dialog open over it.
        await page.GotoAsync(editUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bijlage toevoegen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kp-attachments__item")).ToHaveCountAsync(1, new() { Timeout = Slow });
        await CheckAsync(page, failures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kies of upload een document…" }).ClickAsync();
        await Assertions.Expect(page.Locator("dialog.kp-media-dialog [role=status]")).Not.ToBeEmptyAsync(new() { Timeout = Slow });
        await CheckAsync(page, failures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Afbeelding", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("dialog.kp-media-dialog [role=status]")).Not.ToBeEmptyAsync(new() { Timeout = Slow });
        await CheckAsync(page, failures);

        // Another author's item, as an author sees it: read-only.
        var author = await SignedInAsync(Roles.Auteur);
        await author.GotoAsync(editUrl);
        await Assertions.Expect(author.Locator(".kp-admin-notice")).ToContainTextAsync("Alleen lezen");
        await CheckAsync(author, failures);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task CheckAsync(IPage page, List<string> failures)
    {
        var violations = await Axe.RunAsync(page);
        if (violations.Count > 0)
        {
            failures.Add(new Uri(page.Url).PathAndQuery + "\n" + Axe.Describe(violations));
        }
    }

    private static async Task FillEventAsync(IPage page, string title, string date)
    {
        await page.FillAsync("#Form_Title", title);
        await page.FillAsync("#Form_StartDate", date);
        await page.FillAsync("#Form_StartTime", "13:30");
        await page.FillAsync("#Form_VenueCity", "Zwolle");
    }

    private async Task<IPage> SignedInAsync(string role)
    {
        var user = await BackOfficeUsers.CreateAsync(site.Factory, role);
        var page = await chromium.NewPageAsync(site.BaseAddress, 1280);
        await page.GotoAsync("/beheer/inloggen");
        await page.FillAsync("#Email", user.Email!);
        await page.FillAsync("#Password", BackOfficeUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Overzicht", new() { Timeout = Slow });
        return page;
    }
}
