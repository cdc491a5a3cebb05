using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Corpus;

/// <summary>One generated, published content item with its version and references.</summary>
internal static class CorpusItems
{
    private static readonly string[] Venues = ["Buurthuis", "Vergadercentrum", "Stadhuis", "Wijkcentrum", "Bibliotheek", "Congrescentrum"];

    private static readonly DateTime Start = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static (ContentItem Item, ContentVersion Version, List<ContentReference> References) Create(
        DutchText text, CorpusSupport s, int index, List<(Guid Key, ContentType Type)> earlier, DateTime now)
    {
        var r = text.Random;
        text.StartDocument();
        var published = Start.AddMinutes(r.NextDouble() * (now - Start).TotalMinutes);
        var roll = r.NextDouble();
        var title = roll is >= 0.40 and < 0.73 ? DutchWords.EventKinds[r.Next(DutchWords.EventKinds.Length)] + text.Title() : text.Title();
        var terms = s.Themes.Some(r, 1, 3).Concat(s.Regions.Some(r, 1, 2)).Select(t => t.Key).ToList();
        var common = (Title: title, Slug: GenerateCorpus.Slug(title, index), Summary: text.Sentence(12, 30), Terms: terms);

        // A kennisplatform's mix: mostly articles and events, a report for about half the events,
        // a weekly newsletter and a few dossiers.
        ContentBody body = roll switch
        {
            < 0.40 => new DossierArticleContent
            {
                Title = common.Title, Slug = common.Slug, Summary = common.Summary, Terms = common.Terms,
                Lead = text.Sentence(15, 30), Body = text.Paragraphs(r.Next(4, 10)), Authors = [.. s.People.Some(r, 1, 2).Select(p => p.Key)],
            },
            < 0.73 => Event(text, s, common, published, now, workshop: roll >= 0.65),
            < 0.88 => new MeetingReportContent
            {
                Title = "Verslag: " + common.Title, Slug = common.Slug, Summary = common.Summary, Terms = common.Terms, Body = text.Paragraphs(r.Next(4, 11)),
                Event = Earlier(r, earlier, ContentType.Event, 1) is [var reported] ? reported : null,
                Outcomes = [.. Enumerable.Range(0, r.Next(0, 6)).Select(_ => text.Sentence(5, 12))],
            },
            < 0.92 when earlier.Count > 10 => new DossierContent
            {
                Title = "Dossier " + common.Title, Slug = common.Slug, Summary = common.Summary, Terms = common.Terms, Intro = text.Paragraphs(r.Next(1, 3)),
                Items = Earlier(r, earlier, null, r.Next(3, 12)),
            },
            _ when earlier.Count > 10 => new NewsletterIssueContent
            {
                Title = common.Title, Slug = common.Slug, Summary = common.Summary, Terms = common.Terms, Preheader = text.Sentence(5, 10),
                Intro = text.Paragraphs(1), Sections = [new NewsletterSection { Title = "Agenda", Items = Earlier(r, earlier, ContentType.Event, 4) }],
            },
            _ => Event(text, s, common, published, now, workshop: false),
        };

        var key = CorpusSupport.Key(text);
        var item = new ContentItem
        {
            Key = key, Type = body.Type, Status = ContentStatus.Published, Slug = body.Slug, LatestVersion = 1, LiveVersion = 1,
            CreatedUtc = published, UpdatedUtc = published, PublishedUtc = published, LiveSlug = body.Slug, LiveTitle = body.Title,
            LiveSummary = body.Summary, LiveDateUtc = body is EventContent ev ? ev.Start.UtcDateTime : published,
            LiveEndUtc = (body as EventContent)?.End?.UtcDateTime,
            LiveOnline = body is EventContent { OnlineUrl: var online } ? online is not null : null,
            LiveMonth = body is EventContent start ? ContentItem.MonthOf(start.Start.UtcDateTime) : null,
        };
        var version = new ContentVersion
        {
            ContentKey = key, Number = 1, Title = body.Title, Slug = body.Slug, Body = ContentJson.Serialize(body),
            CreatedBy = "corpus", CreatedUtc = published,
        };
        var references = ContentReferences.From(body)
            .Select(x => new ContentReference { SourceKey = key, TargetKey = x.TargetKey, Kind = x.Kind, Position = x.Position, SourcePublishedUtc = published }).ToList();
        return (item, version, references);
    }

    private static EventContent Event(DutchText text, CorpusSupport s, (string Title, string Slug, string Summary, List<Guid> Terms) c,
        DateTime published, DateTime now, bool workshop)
    {
        var r = text.Random;
        // Events lie a few weeks after their announcement; a fifth of them are still to come.
        var startUtc = r.NextDouble() < 0.2 ? now.AddDays(r.Next(1, 400)) : published.AddDays(r.Next(7, 60));
        var start = DutchTime.ToAmsterdam(new DateTime(startUtc.Year, startUtc.Month, startUtc.Day, 12, 0, 0, DateTimeKind.Utc));
        var speakers = s.People.Some(r, 1, 4).Select(p => p.Key).ToList();
        var online = r.NextDouble() < 0.25;
        EventContent e = new()
        {
            Title = c.Title, Slug = c.Slug, Summary = c.Summary, Terms = c.Terms, Start = start, End = start.AddHours(r.Next(1, 5)),
            Venue = online ? null : new Venue { Name = $"{Venues[r.Next(Venues.Length)]} {DutchText.Capitalise(text.ContentWord())}", Address = $"{DutchText.Capitalise(text.ContentWord())}straat {r.Next(1, 200)}", City = s.Regions.Items[r.Next(1, s.Regions.Items.Count)].Name },
            OnlineUrl = online ? "https://meet.example.nl/" + c.Slug : null,
            Body = text.Paragraphs(r.Next(2, 6)), Organisers = [.. s.Organisations.Some(r, 1, 3).Select(o => o.Key)], Speakers = speakers,
            Programme = [.. speakers.Select((p, i) => new ProgrammeItem { StartTime = new TimeOnly(13 + i, 0), Title = text.Title(), Description = "<p>" + text.Sentence() + "</p>", Speakers = [p] })],
            Audience = text.Sentence(4, 10), Price = r.NextDouble() < 0.5 ? "Gratis" : $"€ {r.Next(2, 40) * 5}",
            Registration = new Registration { Mode = RegistrationMode.External, Url = "https://aanmelden.example.nl/" + c.Slug },
        };
        return workshop ? AsWorkshop(e, speakers[0], r.Next(10, 40), "<p>" + text.Sentence() + "</p>") : e;
    }

    private static WorkshopContent AsWorkshop(EventContent e, Guid facilitator, int max, string materials) => new()
    {
        Title = e.Title, Slug = e.Slug, Summary = e.Summary, Terms = e.Terms, Start = e.Start, End = e.End, Venue = e.Venue,
        OnlineUrl = e.OnlineUrl, Body = e.Body, Organisers = e.Organisers, Speakers = e.Speakers, Programme = e.Programme,
        Audience = e.Audience, Price = e.Price, Registration = e.Registration,
        Facilitator = facilitator, MaxParticipants = max, Materials = materials,
    };

    private static List<Guid> Earlier(Random r, List<(Guid Key, ContentType Type)> earlier, ContentType? type, int count)
    {
        var pool = type is null ? earlier.Where(e => e.Type is not (ContentType.Dossier or ContentType.NewsletterIssue)).ToList() : earlier.Where(e => e.Type == type).ToList();
        return pool.Count == 0 ? [] : [.. Enumerable.Range(0, count).Select(_ => pool[r.Next(pool.Count)].Key).Distinct()];
    }
}
