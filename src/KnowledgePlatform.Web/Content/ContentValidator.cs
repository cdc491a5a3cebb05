using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>The rules every saved version obeys, with the Dutch message an editor sees.</summary>
public static class ContentValidator
{
    public static async Task ValidateAsync(KnowledgeDbContext db, Guid key, ContentBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            errors.Add(nameof(body.Title), "Vul een titel in.");
        }
        else if (body.Title.Length > 300)
        {
            errors.Add(nameof(body.Title), "De titel is te lang (hoogstens 300 tekens).");
        }

        if (!Slugs.IsValid(body.Slug))
        {
            errors.Add(nameof(body.Slug), "Gebruik voor de slug alleen kleine letters, cijfers en streepjes (hoogstens 120 tekens).");
        }
        else if (await db.ContentItems.AnyAsync(
            i => i.Key != key && i.Type == body.Type && (i.Slug == body.Slug || i.LiveSlug == body.Slug), ct))
        {
            errors.Add(nameof(body.Slug), "Deze slug is al in gebruik door een ander item van dit type.");
        }

        ValidateFields(body, errors);
        await ValidateReferencesAsync(db, key, body, errors, ct);
        errors.ThrowIfAny();
    }

    private static void ValidateFields(ContentBody body, ValidationErrors errors)
    {
        if (body is EventContent e)
        {
            if (e.End is { } end && end < e.Start)
            {
                errors.Add(nameof(e.End), "Het einde ligt vóór het begin.");
            }

            CheckUrl(e.OnlineUrl, nameof(e.OnlineUrl), errors);
            CheckUrl(e.Registration.Url, "Registration.Url", errors);
            if (e.Registration.Mode == RegistrationMode.External && e.Registration.Url is null && e.Registration.Info is null)
            {
                errors.Add("Registration.Url", "Geef een webadres of uitleg voor het aanmelden elders.");
            }

            if (e.Registration.Capacity is <= 0)
            {
                errors.Add("Registration.Capacity", "Het aantal plaatsen moet groter zijn dan 0.");
            }

            if (e.Registration.Questions?.FreeQuestion is { Length: > 300 })
            {
                errors.Add("Registration.Questions.FreeQuestion", "De eigen vraag is te lang (hoogstens 300 tekens).");
            }

            if (e.Programme.Any(p => string.IsNullOrWhiteSpace(p.Title)))
            {
                errors.Add(nameof(e.Programme), "Elk programmaonderdeel heeft een titel nodig.");
            }
        }

        if (body is WorkshopContent { MaxParticipants: <= 0 })
        {
            errors.Add(nameof(WorkshopContent.MaxParticipants), "Het maximum aantal deelnemers moet groter zijn dan 0.");
        }

        switch (body)
        {
            case EventContent ev:
                ValidateAttachments(ev.Attachments, ev.Programme.Count, errors);
                break;
            case MeetingReportContent report:
                ValidateAttachments(report.Attachments, null, errors);
                break;
        }
    }

    /// <param name="programmeItems">The event's number of programme items; null for a report (no programme, no speakers).</param>
    private static void ValidateAttachments(IReadOnlyList<Attachment>? attachments, int? programmeItems, ValidationErrors errors)
    {
        foreach (var (a, i) in (attachments ?? []).Select((a, i) => (a, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(a.Title) || a.Title.Length > 200)
            {
                errors.Add(nameof(EventContent.Attachments), $"Geef bijlage {i} een titel van hoogstens 200 tekens, bijvoorbeeld ‘Presentatie Mirjam de Vries’.");
            }

            if (a.ProgrammeItem is { } n && (programmeItems is null || n < 1 || n > programmeItems))
            {
                errors.Add(nameof(EventContent.Attachments), $"Bijlage {i} hoort bij een programmaonderdeel dat niet bestaat.");
            }

            if (a.Speaker is not null && programmeItems is null)
            {
                errors.Add(nameof(EventContent.Attachments), $"Bijlage {i}: alleen bij een bijeenkomst kan een spreker worden gekozen.");
            }
        }
    }

    private static void CheckUrl(string? url, string field, ValidationErrors errors)
    {
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            errors.Add(field, "Vul een volledig webadres in, beginnend met https://.");
        }
    }

    private static async Task ValidateReferencesAsync(KnowledgeDbContext db, Guid key, ContentBody body, ValidationErrors errors, CancellationToken ct)
    {
        var refs = ContentReferences.From(body);
        await Expect(refs.Where(r => r.Kind == ReferenceKind.Term), db.Terms.Select(t => t.Key), "Terms", "Onbekende term");
        await Expect(refs.Where(r => r.Kind is ReferenceKind.Speaker or ReferenceKind.Author or ReferenceKind.Facilitator),
            db.People.Select(p => p.Key), "People", "Onbekende persoon");
        await Expect(refs.Where(r => r.Kind == ReferenceKind.Organiser), db.Organisations.Select(o => o.Key), "Organisers", "Onbekende organisatie");
        await Expect(refs.Where(r => r.Kind == ReferenceKind.ReportedEvent),
            db.ContentItems.Where(i => i.Type == ContentType.Event || i.Type == ContentType.Workshop).Select(i => i.Key),
            nameof(MeetingReportContent.Event), "Onbekende bijeenkomst");
        await Expect(refs.Where(r => r.Kind is ReferenceKind.DossierItem or ReferenceKind.NewsletterItem),
            db.ContentItems.Where(i => i.Key != key).Select(i => i.Key), "Items", "Onbekend item");
        await Expect(refs.Where(r => r.Kind == ReferenceKind.Attachment),
            db.Set<Media.MediaItem>().Where(m => Media.Validation.MediaFormats.Documents.Contains(m.Format)).Select(m => m.Id),
            nameof(EventContent.Attachments), "Geen document (PDF of Office) in de mediabibliotheek");

        async Task Expect(IEnumerable<ContentReference> wanted, IQueryable<Guid> known, string field, string message)
        {
            var keys = wanted.Select(r => r.TargetKey).Distinct().ToList();
            if (keys.Count == 0)
            {
                return;
            }

            var found = await known.Where(k => keys.Contains(k)).ToListAsync(ct);
            foreach (var missing in keys.Except(found))
            {
                errors.Add(field, $"{message}: {missing}.");
            }
        }
    }
}
