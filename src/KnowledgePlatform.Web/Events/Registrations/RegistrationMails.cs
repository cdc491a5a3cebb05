using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// Composes every registration mail and queues it in the caller's unit of work. Mails carrying an
/// invitation use the dedupe key <c>registration.ics:{registration}:{sequence}</c>: each SEQUENCE
/// of each registration's calendar entry is sent exactly once.
/// </summary>
public sealed class RegistrationMails(IOptions<SiteOptions> site, TimeProvider clock)
{
    private SiteOptions Site => site.Value;

    public Uri PersonalLink(EventRegistration r) => Site.Absolute($"/aanmelding/{r.Token}");

    public void Confirmed(KnowledgeDbContext db, EventRegistration r, Guid eventKey, EventContent e) =>
        Queue(db, r, "registration.confirmation", Ics(r), $"Aanmelding bevestigd: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph("Je bent aangemeld. In de bijlage vind je een agenda-uitnodiging.")
            .Facts(EventDetails.Facts(e))
            .Link("Je aanmelding bekijken of annuleren", PersonalLink(r)),
            Invitation(r, eventKey, e, "REQUEST"));

    public void Waitlisted(KnowledgeDbContext db, EventRegistration r, EventContent e, int position) =>
        Queue(db, r, "registration.waitlisted", $"registration.waitlisted:{r.Key}", $"Wachtlijst: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph($"De bijeenkomst is vol. Je staat op de wachtlijst, op plaats {position}. Komt er een plaats vrij, dan krijg je een e-mail.")
            .Facts(EventDetails.Facts(e))
            .Link("Je aanmelding bekijken of annuleren", PersonalLink(r)));

    public void Offered(KnowledgeDbContext db, EventRegistration r, EventContent e) =>
        Queue(db, r, "registration.offer", $"registration.offer:{r.Key}:{r.OfferExpiresUtc:yyyyMMddHHmmss}", $"Er is een plaats vrij: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph($"Er is een plaats vrijgekomen en die houden we voor je vast tot {Deadline(r)}. Wil je komen? Bevestig het via de link hieronder; daarna gaat de plaats naar de volgende op de wachtlijst.")
            .Facts(EventDetails.Facts(e))
            .Link("Plaats bevestigen", PersonalLink(r)));

    public void Updated(KnowledgeDbContext db, EventRegistration r, Guid eventKey, EventContent e) =>
        Queue(db, r, "registration.update", Ics(r), $"Gewijzigd: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph("Er is iets veranderd aan de bijeenkomst waarvoor je bent aangemeld. Dit zijn de gegevens zoals ze nu zijn; de bijgevoegde uitnodiging werkt je agenda bij.")
            .Facts(EventDetails.Facts(e))
            .Link("Je aanmelding bekijken of annuleren", PersonalLink(r)),
            Invitation(r, eventKey, e, "REQUEST"));

    /// <param name="byRegistrant">The registrant cancelled; otherwise the event itself was cancelled.</param>
    public void Cancelled(KnowledgeDbContext db, EventRegistration r, Guid eventKey, EventContent e, bool byRegistrant) =>
        Queue(db, r, "registration.cancellation", Ics(r), byRegistrant ? $"Afmelding ontvangen: {e.Title}" : $"Geannuleerd: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph(byRegistrant
                ? "Je aanmelding is geannuleerd. Met de bijlage verdwijnt de afspraak uit je agenda."
                : "Helaas gaat deze bijeenkomst niet door. Met de bijlage verdwijnt de afspraak uit je agenda.")
            .Facts(EventDetails.Facts(e)),
            Invitation(r, eventKey, e, "CANCEL"));

    public void Reminder(KnowledgeDbContext db, EventRegistration r, EventContent e)
    {
        var body = new MailBody().Paragraph($"Beste {r.Name},").Paragraph("Een herinnering: binnenkort is de bijeenkomst waarvoor je bent aangemeld.")
            .Facts(EventDetails.Facts(e));
        if (e.OnlineUrl is { } online && Uri.TryCreate(online, UriKind.Absolute, out var onlineUri))
        {
            body.Link("Online deelnemen", onlineUri);
        }

        Queue(db, r, "registration.reminder", $"registration.reminder:{r.Key}", $"Herinnering: {e.Title}",
            body.Link("Kun je toch niet? Annuleer dan je aanmelding", PersonalLink(r)));
    }

    public void ReportOnline(KnowledgeDbContext db, EventRegistration r, EventContent e, Guid reportKey, string reportTitle, string reportSlug) =>
        Queue(db, r, "registration.report", $"registration.report:{r.Key}:{reportKey}", $"Het verslag is online: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph($"Het verslag van {e.Title} is online: {reportTitle}.")
            .Link("Lees het verslag", Site.Absolute(ContentUrls.For(ContentType.MeetingReport, reportSlug))));

    public void LinkAgain(KnowledgeDbContext db, EventRegistration r, EventContent e) =>
        Queue(db, r, "registration.link", $"registration.link:{r.Key}:{clock.GetUtcNow():yyyyMMdd}", $"Je aanmelding: {e.Title}", new MailBody()
            .Paragraph($"Beste {r.Name},")
            .Paragraph("Je was al aangemeld voor deze bijeenkomst. Via de link hieronder bekijk of annuleer je je aanmelding.")
            .Facts(EventDetails.Facts(e))
            .Link("Je aanmelding bekijken of annuleren", PersonalLink(r)));

    public void Message(KnowledgeDbContext db, EventRegistration r, Guid messageId, string subject, string text) =>
        Queue(db, r, "registration.message", $"registration.message:{messageId}:{r.Key}", subject, new MailBody()
            .Paragraph($"Beste {r.Name},").Paragraph(text).Link("Je aanmelding", PersonalLink(r)));

    /// <summary>
    /// Every mail with a calendar entry takes the next SEQUENCE (the first is 0): an update or a
    /// cancellation always outranks what the registrant's calendar already holds.
    /// </summary>
    private static string Ics(EventRegistration r)
    {
        r.IcsSequence++;
        return $"registration.ics:{r.Key}:{r.IcsSequence}";
    }

    private static string Deadline(EventRegistration r) => r.OfferExpiresUtc is { } d
        ? $"{DutchTime.LongDate(DutchTime.ToAmsterdam(d))} {DutchTime.Time(DutchTime.ToAmsterdam(d))}"
        : "binnenkort";

    private MailFile Invitation(EventRegistration r, Guid eventKey, EventContent e, string method)
    {
        var ics = RegistrationInvitation.Write(r, eventKey, e, method, Site, clock.GetUtcNow());
        return new MailFile("uitnodiging.ics", $"text/calendar; method={method}", System.Text.Encoding.UTF8.GetBytes(ics));
    }

    private static void Queue(KnowledgeDbContext db, EventRegistration r, string kind, string dedupeKey, string subject, MailBody body, params MailFile[] files) =>
        RegistrationMailQueue.Enqueue(db, new RegistrationMail(kind, dedupeKey, r.Email, r.Name, subject, body.Html, body.Text, files));
}
