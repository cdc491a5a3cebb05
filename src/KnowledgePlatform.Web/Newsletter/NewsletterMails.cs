using System.Globalization;
using System.Text.Encodings.Web;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The single mails of the subscription flow. They never contain the name someone typed.</summary>
public sealed class NewsletterMails(KnowledgeDbContext db, NewsletterLinks links, MailBrands brands)
{
    public const string ConfirmationKind = "newsletter.confirmation";
    public const string AlreadySubscribedKind = "newsletter.already-subscribed";

    public async Task ConfirmationAsync(Subscriber subscriber, string token, CancellationToken ct)
    {
        var brand = await brands.CurrentAsync(ct);
        var url = links.ConfirmUrl(token);
        var subject = $"Bevestig uw aanmelding voor de nieuwsbrief van {brand.SiteName}";
        var body = $"<p style=\"margin:0 0 16px\">Bedankt voor uw aanmelding. Klik op de knop om te bevestigen dat u de nieuwsbrief wilt ontvangen.</p>"
            + EmailLayout.Button(url, "Aanmelding bevestigen", brand.Color)
            + $"<p style=\"margin:16px 0 0\">De link werkt één keer en is {Subscribe.TokenLifetime.TotalHours:0} uur geldig. Heeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging ontvangt u niets.</p>";
        var text = $"Bedankt voor uw aanmelding voor de nieuwsbrief van {brand.SiteName}.\n\nBevestig uw aanmelding via deze link (één keer te gebruiken, {Subscribe.TokenLifetime.TotalHours:0} uur geldig):\n{url}\n\nHeeft u zich niet aangemeld? Dan hoeft u niets te doen: zonder bevestiging ontvangt u niets.\n";
        MailQueue.Enqueue(db, new OutgoingMail(ConfirmationKind, $"{ConfirmationKind}:{subscriber.Id}:{subscriber.ConfirmationTokenHash![..20]}",
            MailboxAddress.Create(subscriber.Email), subject, EmailLayout.Html(brand, subject, null, body, Footer(brand)), text));
    }

    public async Task AlreadySubscribedAsync(Subscriber subscriber, DateTime now, CancellationToken ct)
    {
        var brand = await brands.CurrentAsync(ct);
        var url = links.PreferencesUrl(await links.TokenAsync(subscriber, ct));
        var subject = $"U ontvangt de nieuwsbrief van {brand.SiteName} al";
        var body = "<p style=\"margin:0 0 16px\">Er is opnieuw een aanmelding gedaan met dit e-mailadres, maar u ontvangt de nieuwsbrief al. Wilt u uw thema's of regio's wijzigen? Dat kan via uw voorkeuren.</p>"
            + EmailLayout.Button(url, "Mijn voorkeuren", brand.Color);
        var text = $"Er is opnieuw een aanmelding gedaan met dit e-mailadres, maar u ontvangt de nieuwsbrief van {brand.SiteName} al.\n\nUw voorkeuren wijzigen: {url}\n";
        MailQueue.Enqueue(db, new OutgoingMail(AlreadySubscribedKind,
            $"{AlreadySubscribedKind}:{subscriber.Id}:{now.Ticks.ToString(CultureInfo.InvariantCulture)}",
            MailboxAddress.Create(subscriber.Email), subject, EmailLayout.Html(brand, subject, null, body, Footer(brand)), text));
    }

    private static string Footer(MailBrand brand) =>
        $"U ontvangt deze e-mail omdat dit adres is opgegeven op {HtmlEncoder.Default.Encode(brand.BaseUrl)}.";
}

/// <summary>The brand for mail, read from the site settings once per scope.</summary>
public sealed class MailBrands(KnowledgeDbContext db, Microsoft.Extensions.Options.IOptions<Site.SiteOptions> site)
{
    private MailBrand? current;

    public async Task<MailBrand> CurrentAsync(CancellationToken ct)
    {
        if (current is null)
        {
            var settings = await SiteSettings.ReadAsync(db, ct);
            current = new MailBrand(settings.SiteName ?? SiteSettings.DefaultSiteName, settings.BrandColor ?? "#154273", settings.LogoUrl, site.Value.BaseUri.ToString());
        }

        return current;
    }
}
