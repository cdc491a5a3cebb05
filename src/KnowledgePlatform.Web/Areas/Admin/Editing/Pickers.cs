using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// The choices the edit form offers: people, organisations, terms per vocabulary, events, content
/// items. Server-rendered as select lists (works without JavaScript); the same search answers
/// /beheer/api/kiezen/{kind}?q= for search-as-you-type.
/// </summary>
public sealed class Pickers(KnowledgeDbContext db)
{
    public sealed record Choice(Guid Id, string Label);

    public sealed record VocabularyTerms(string Name, IReadOnlyList<Choice> Terms);

    public async Task<IReadOnlyList<Choice>> PeopleAsync(CancellationToken ct) =>
        [.. (await db.People.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Key, p.Honorific, p.Name, p.Role }).ToListAsync(ct))
            .Select(p => new Choice(p.Key, (string.IsNullOrWhiteSpace(p.Honorific) ? p.Name : $"{p.Honorific} {p.Name}") + (p.Role is null ? "" : $" ({p.Role})")))];

    public async Task<IReadOnlyList<Choice>> OrganisationsAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Choice(o.Key, o.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<VocabularyTerms>> TermsAsync(CancellationToken ct)
    {
        var vocabularies = await db.Vocabularies.AsNoTracking().Include(v => v.Terms).OrderBy(v => v.Name).ToListAsync(ct);
        return [.. vocabularies.Select(v => new VocabularyTerms(v.Name, [.. v.Terms.OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new Choice(t.Key, t.Name))]))];
    }

    /// <summary>Content items of the given types (null: all), by their latest title.</summary>
    public async Task<IReadOnlyList<Choice>> ItemsAsync(ContentType[]? types, Guid? except, CancellationToken ct)
    {
        var query = from i in db.ContentItems.AsNoTracking()
                    join v in db.ContentVersions.AsNoTracking() on new { K = i.Key, N = i.LatestVersion } equals new { K = v.ContentKey, N = v.Number }
                    where except == null || i.Key != except
                    select new { i.Key, i.Type, v.Title };
        if (types is not null)
        {
            query = query.Where(x => types.Contains(x.Type));
        }

        return [.. (await query.OrderBy(x => x.Title).Take(2000).ToListAsync(ct)).Select(x => new Choice(x.Key, $"{x.Title} ({ContentTypeNames.Of(x.Type)})"))];
    }

    /// <summary>Documents in the media library (what can be attached), newest first: "Programma.pdf (PDF, 1,2 MB)".</summary>
    public async Task<IReadOnlyList<Choice>> DocumentsAsync(CancellationToken ct) =>
        [.. (await db.Set<MediaItem>().AsNoTracking().Where(m => MediaFormats.Documents.Contains(m.Format))
                .OrderByDescending(m => m.UploadedUtc).Take(2000).Select(m => new { m.Id, m.OriginalName, m.Format, m.Length }).ToListAsync(ct))
            .Select(m => new Choice(m.Id, $"{m.OriginalName} ({m.Format.ShortName()}, {FileSizes.Dutch(m.Length)})"))];

    /// <summary>Search-as-you-type: up to 20 matches on the name or title.</summary>
    public async Task<IReadOnlyList<Choice>> SearchAsync(string kind, string? q, CancellationToken ct)
    {
        var text = (q ?? "").Trim();
        IEnumerable<Choice> all = kind switch
        {
            "personen" => await PeopleAsync(ct),
            "organisaties" => await OrganisationsAsync(ct),
            "termen" => (await TermsAsync(ct)).SelectMany(v => v.Terms.Select(t => t with { Label = $"{t.Label} ({v.Name})" })),
            "inhoud" => await ItemsAsync(null, null, ct),
            "bijeenkomsten" => await ItemsAsync([ContentType.Event, ContentType.Workshop], null, ct),
            "documenten" => await DocumentsAsync(ct),
            _ => [],
        };
        return [.. all.Where(o => text.Length == 0 || o.Label.Contains(text, StringComparison.OrdinalIgnoreCase)).Take(20)];
    }
}

/// <summary>Dutch names of the content types, for lists and headings.</summary>
public static class ContentTypeNames
{
    public static readonly ContentType[] Editable = [ContentType.Event, ContentType.Workshop, ContentType.MeetingReport, ContentType.DossierArticle, ContentType.Dossier];

    public static string Of(ContentType type) => type switch
    {
        ContentType.Event => "bijeenkomst",
        ContentType.Workshop => "werkbijeenkomst",
        ContentType.MeetingReport => "verslag",
        ContentType.DossierArticle => "artikel",
        ContentType.Dossier => "dossier",
        ContentType.NewsletterIssue => "nieuwsbrief",
        _ => type.ToString(),
    };

    public static string Status(ContentStatus status) => status switch
    {
        ContentStatus.Draft => "concept",
        ContentStatus.Published => "gepubliceerd",
        ContentStatus.Unpublished => "offline",
        ContentStatus.Archived => "gearchiveerd",
        _ => status.ToString(),
    };
}
