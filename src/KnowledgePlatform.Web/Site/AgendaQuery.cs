using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>What the agenda shows for one <see cref="AgendaFilter"/>.</summary>
/// <param name="Past">Past events, newest first; otherwise upcoming ones, soonest first.</param>
/// <param name="NothingUpcoming">No published event lies ahead at all, so the agenda shows the most recent past ones.</param>
/// <param name="Online">Which of the page's events can be followed online.</param>
public sealed record AgendaResult(bool Past, bool NothingUpcoming, PageOf<ContentCard> Page, IReadOnlyList<FacetCounts> Facets, IReadOnlySet<Guid> Online)
{
    public bool Filtered => Facets.Any(f => f.SelectedCount > 0);
}

/// <summary>
/// The agenda: published events and workshops of a period, filtered by kind, theme, region and
/// month, with counts per option. Everything is counted in the database (GROUP BY over the
/// period's index range, each filter's counts with the other filters applied) and only the shown
/// page's cards are read, so a request costs the same whether the period holds ten events or
/// thousands.
/// </summary>
public sealed class AgendaQuery(KnowledgeDbContext db)
{
    public async Task<AgendaResult> RunAsync(AgendaFilter filter, DateTime nowUtc, CancellationToken ct)
    {
        var events = db.Published().Where(i => i.Type == ContentType.Event || i.Type == ContentType.Workshop);
        // Not ended: with an end date from the end-date index, without one from the start-date
        // index (an end is never before its start, so this is "COALESCE(end, start) >= now").
        var upcoming = events.Where(i => i.LiveEndUtc >= nowUtc)
            .Concat(events.Where(i => i.LiveEndUtc == null && i.LiveDateUtc >= nowUtc));
        var ended = events.Where(i => i.LiveDateUtc < nowUtc && (i.LiveEndUtc == null || i.LiveEndUtc < nowUtc));
        var anyUpcoming = !filter.Past && await upcoming.AnyAsync(ct);
        var past = !anyUpcoming; // asked for, or nothing ahead: then the most recent past events
        var period = past ? ended : upcoming;

        var (themes, regions) = await TermsAsync(ct);
        var choice = new AgendaChoice(filter, themes, regions);
        var kinds = await KindCountsAsync(choice.Apply(period, db, except: AgendaFilter.KindKey), ct);
        var themeCounts = await TermCountsAsync(choice.Apply(period, db, except: AgendaFilter.ThemeKey), ct);
        var regionCounts = choice.Selected(AgendaFilter.ThemeKey).Count == 0 && choice.Selected(AgendaFilter.RegionKey).Count == 0
            ? themeCounts // no theme or region chosen: both count over the same events
            : await TermCountsAsync(choice.Apply(period, db, except: AgendaFilter.RegionKey), ct);
        var months = await MonthCountsAsync(choice.Apply(period, db, except: AgendaFilter.MonthKey), ct);

        var total = kinds.Where(k => choice.AdmitsKind(k.Type, k.Online)).Sum(k => k.Count);
        var page = new PageOf<ContentCard>([], filter.Page, total);
        var online = new HashSet<Guid>();
        if (page.Exists)
        {
            var matching = choice.Apply(period, db);
            var ordered = past ? matching.OrderByDescending(i => i.LiveDateUtc).ThenBy(i => i.Key) : matching.OrderBy(i => i.LiveDateUtc).ThenBy(i => i.Key);
            var rows = await ordered.Skip((page.Number - 1) * Paging.PageSize).Take(Paging.PageSize)
                .Select(i => new { Card = new ContentCard(i.Key, i.Type, i.LiveTitle!, i.LiveSlug!, i.LiveSummary, i.LiveDateUtc, i.LiveEndUtc), Online = i.LiveOnline == true })
                .ToListAsync(ct);
            page = page with { Items = [.. rows.Select(r => r.Card)] };
            online.UnionWith(rows.Where(r => r.Online).Select(r => r.Card.Key));
        }

        // Months of the events in view, plus any chosen month that has none: a choice stays visible.
        var monthValues = months.Keys.Union(choice.Selected(AgendaFilter.MonthKey)).Order(StringComparer.Ordinal).ToList();
        if (past)
        {
            monthValues.Reverse();
        }

        IReadOnlyList<FacetCounts> facets =
        [
            FacetCounts.Of(AgendaFilter.KindKey, "Soort",
                [(AgendaFilter.EventKind, "Bijeenkomst"), (AgendaFilter.WorkshopKind, "Werkbijeenkomst"), (AgendaFilter.OnlineKind, "Online")],
                value => kinds.Where(k => value == AgendaFilter.OnlineKind ? k.Online
                    : k.Type == (value == AgendaFilter.WorkshopKind ? ContentType.Workshop : ContentType.Event)).Sum(k => k.Count),
                choice.Selected(AgendaFilter.KindKey)),
            TermFacet(AgendaFilter.ThemeKey, "Thema", themes, themeCounts, choice),
            TermFacet(AgendaFilter.RegionKey, "Regio", regions, regionCounts, choice),
            FacetCounts.Of(AgendaFilter.MonthKey, "Maand", monthValues.Select(m => (m, AgendaFilter.MonthLabel(m)!)),
                value => months.GetValueOrDefault(value), choice.Selected(AgendaFilter.MonthKey)),
        ];
        return new AgendaResult(past, !filter.Past && !anyUpcoming, page, facets, online);
    }

    private static FacetCounts TermFacet(string key, string legend, IReadOnlyList<AgendaTerm> terms, Dictionary<Guid, int> counts, AgendaChoice choice)
    {
        var bySlug = terms.ToDictionary(t => t.Slug, t => t.Key, StringComparer.Ordinal);
        return FacetCounts.Of(key, legend, terms.Select(t => (t.Slug, t.Name)), slug => counts.GetValueOrDefault(bySlug[slug]), choice.Selected(key));
    }

    private sealed record KindCount(ContentType Type, bool Online, int Count);

    private static Task<List<KindCount>> KindCountsAsync(IQueryable<ContentItem> events, CancellationToken ct) =>
        events.GroupBy(i => new { i.Type, Online = i.LiveOnline == true })
            .Select(g => new KindCount(g.Key.Type, g.Key.Online, g.Count()))
            .ToListAsync(ct);

    /// <summary>How many of these events carry each term (the references are unique per event and term).</summary>
    private Task<Dictionary<Guid, int>> TermCountsAsync(IQueryable<ContentItem> events, CancellationToken ct) =>
        db.ContentReferences.Where(r => r.Kind == ReferenceKind.Term)
            .Join(events, r => r.SourceKey, i => i.Key, (r, i) => r.TargetKey)
            .GroupBy(target => target)
            .Select(g => new { Term = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Term, x => x.Count, ct);

    /// <summary>How many of these events start in each Amsterdam month (see <see cref="AmsterdamMonths"/>).</summary>
    private static async Task<Dictionary<string, int>> MonthCountsAsync(IQueryable<ContentItem> events, CancellationToken ct)
    {
        var buckets = await events
            .GroupBy(i => new
            {
                Year1 = i.LiveDateUtc!.Value.AddHours(1).Year,
                Month1 = i.LiveDateUtc!.Value.AddHours(1).Month,
                Year2 = i.LiveDateUtc!.Value.AddHours(2).Year,
                Month2 = i.LiveDateUtc!.Value.AddHours(2).Month,
            })
            .Select(g => new AmsterdamMonths.Bucket(g.Key.Year1, g.Key.Month1, g.Key.Year2, g.Key.Month2, g.Count()))
            .ToListAsync(ct);
        return AmsterdamMonths.Count(buckets);
    }

    /// <summary>The themes and regions in vocabulary order, in one query.</summary>
    private async Task<(List<AgendaTerm> Themes, List<AgendaTerm> Regions)> TermsAsync(CancellationToken ct)
    {
        var rows = await db.Terms.AsNoTracking()
            .Join(db.Vocabularies.AsNoTracking().Where(v => v.Alias == Vocabulary.ThemeAlias || v.Alias == Vocabulary.RegionAlias),
                t => t.VocabularyKey, v => v.Key, (t, v) => new { v.Alias, t.Key, t.Slug, t.Name, t.SortOrder })
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .ToListAsync(ct);
        List<AgendaTerm> Of(string alias) => [.. rows.Where(r => r.Alias == alias).Select(r => new AgendaTerm(r.Key, r.Slug, r.Name))];
        return (Of(Vocabulary.ThemeAlias), Of(Vocabulary.RegionAlias));
    }
}
