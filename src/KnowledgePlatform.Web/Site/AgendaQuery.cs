using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
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
/// The agenda: published events and workshops, filtered by kind, theme, region and month, with
/// counts per option. The facts of the events in the period (key, kind, dates, online, terms)
/// are loaded and filtered in memory: the counts need every filter but one applied per option,
/// and the month is an Amsterdam calendar month, which SQLite and PostgreSQL cannot compute
/// alike. The period itself is chosen in SQL through the date indexes, so the default view reads
/// only the events that have not ended, not every event ever held. Only the shown page's cards
/// are read in full.
/// </summary>
public sealed class AgendaQuery(KnowledgeDbContext db, ContentReader reader)
{
    private sealed record Row(Guid Key, string[] Kinds, DateTime Start, string Month, string[] Themes, string[] Regions);

    private sealed record Fact(Guid Key, ContentType Type, DateTime Start, bool Online);

    public async Task<AgendaResult> RunAsync(AgendaFilter filter, DateTime nowUtc, CancellationToken ct)
    {
        var events = db.Published().Where(i => PublishedItems.EventTypes.Contains(i.Type));
        // Not ended: with an end date from the end-date index, without one from the start-date
        // index (an end is never before its start, so this is "COALESCE(end, start) >= now").
        var upcoming = events.Where(i => i.LiveEndUtc >= nowUtc)
            .Concat(events.Where(i => i.LiveEndUtc == null && i.LiveDateUtc >= nowUtc));
        var ended = events.Where(i => i.LiveDateUtc < nowUtc && (i.LiveEndUtc == null || i.LiveEndUtc < nowUtc));

        var (items, tags) = await FactsAsync(filter.Past ? ended : upcoming, ct);
        var anyUpcoming = !filter.Past && items.Count > 0;
        var past = filter.Past || !anyUpcoming;
        if (past && !filter.Past)
        {
            (items, tags) = await FactsAsync(ended, ct); // nothing ahead: the most recent past events
        }

        var terms = await TermsAsync(ct);
        var themes = terms[Vocabulary.ThemeAlias];
        var regions = terms[Vocabulary.RegionAlias];
        var rows = (past ? items.OrderByDescending(i => i.Start) : items.OrderBy(i => i.Start)).ThenBy(i => i.Key)
            .Select(i => new Row(
                i.Key,
                [i.Type == ContentType.Workshop ? AgendaFilter.WorkshopKind : AgendaFilter.EventKind, .. i.Online ? [AgendaFilter.OnlineKind] : Array.Empty<string>()],
                i.Start,
                DutchTime.ToAmsterdam(i.Start).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                [.. tags[i.Key].Where(themes.ContainsKey).Select(k => themes[k].Value)],
                [.. tags[i.Key].Where(regions.ContainsKey).Select(k => regions[k].Value)]))
            .ToList();

        var facets = Facets(filter, rows, past, [.. themes.Values.OrderBy(t => t.Order)], [.. regions.Values.OrderBy(t => t.Order)]);
        var matching = Site.Facets.Matching(rows, facets);
        var slice = Paging.Slice(matching, filter.Page);
        var cards = await reader.CardsAsync([.. slice.Items.Select(r => r.Key)], ct);
        var online = items.Where(i => i.Online).Select(i => i.Key).ToHashSet();
        return new AgendaResult(past, !filter.Past && !anyUpcoming, new PageOf<ContentCard>(cards, slice.Number, slice.Total),
            [.. facets.Select(f => f.Count(rows, facets))], online);
    }

    private static List<Facet<Row>> Facets(AgendaFilter filter, List<Row> rows, bool past,
        List<(string Value, string Label, int Order)> themes, List<(string Value, string Label, int Order)> regions)
    {
        // Months of the events in view, plus any chosen month that has none: a choice stays visible.
        var months = rows.Select(r => r.Month).Concat(filter[AgendaFilter.MonthKey].Where(m => AgendaFilter.MonthLabel(m) is not null))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (past)
        {
            months.Reverse();
        }

        return
        [
            new(AgendaFilter.KindKey, "Soort", r => r.Kinds,
                [(AgendaFilter.EventKind, "Bijeenkomst"), (AgendaFilter.WorkshopKind, "Werkbijeenkomst"), (AgendaFilter.OnlineKind, "Online")],
                filter[AgendaFilter.KindKey]),
            new(AgendaFilter.ThemeKey, "Thema", r => r.Themes, [.. themes.Select(t => (t.Value, t.Label))], filter[AgendaFilter.ThemeKey]),
            new(AgendaFilter.RegionKey, "Regio", r => r.Regions, [.. regions.Select(t => (t.Value, t.Label))], filter[AgendaFilter.RegionKey]),
            new(AgendaFilter.MonthKey, "Maand", r => [r.Month], [.. months.Select(m => (m, AgendaFilter.MonthLabel(m)!))], filter[AgendaFilter.MonthKey]),
        ];
    }

    /// <summary>The events of a period and their terms (two queries, both driven by the period's date index).</summary>
    private async Task<(List<Fact> Items, ILookup<Guid, Guid> Tags)> FactsAsync(IQueryable<ContentItem> period, CancellationToken ct)
    {
        var items = await period.Select(i => new Fact(i.Key, i.Type, i.LiveDateUtc!.Value, i.LiveOnline == true)).ToListAsync(ct);
        var tags = items.Count == 0 ? Enumerable.Empty<(Guid, Guid)>().ToLookup(t => t.Item1, t => t.Item2)
            : (await db.ContentReferences.AsNoTracking().Where(r => r.Kind == ReferenceKind.Term)
                .Join(period, r => r.SourceKey, i => i.Key, (r, i) => new { r.SourceKey, r.TargetKey })
                .ToListAsync(ct))
            .ToLookup(r => r.SourceKey, r => r.TargetKey);
        return (items, tags);
    }

    /// <summary>The theme and region terms by vocabulary, then by key: slug, name and their place in the vocabulary.</summary>
    private async Task<Dictionary<string, Dictionary<Guid, (string Value, string Label, int Order)>>> TermsAsync(CancellationToken ct)
    {
        string[] aliases = [Vocabulary.ThemeAlias, Vocabulary.RegionAlias];
        var rows = await db.Terms.AsNoTracking()
            .Join(db.Vocabularies.AsNoTracking().Where(v => aliases.Contains(v.Alias)), t => t.VocabularyKey, v => v.Key,
                (t, v) => new { v.Alias, t.Key, t.Slug, t.Name, t.SortOrder })
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .ToListAsync(ct);
        return aliases.ToDictionary(a => a, a => rows.Where(r => r.Alias == a)
            .Select((t, index) => (t.Key, Term: (t.Slug, t.Name, index)))
            .ToDictionary(x => x.Key, x => x.Term));
    }
}
