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
/// counts per option. The facts of every event in the period (key, kind, dates, online, terms)
/// are loaded and filtered in memory: an agenda holds hundreds, not millions, of events, the
/// counts need every filter but one applied per option, and the month is an Amsterdam calendar
/// month, which SQLite and PostgreSQL cannot compute alike. Only the shown page's cards are read in full.
/// </summary>
public sealed class AgendaQuery(KnowledgeDbContext db)
{
    private sealed record Row(Guid Key, string[] Kinds, DateTime Start, string Month, string[] Themes, string[] Regions);

    public async Task<AgendaResult> RunAsync(AgendaFilter filter, DateTime nowUtc, CancellationToken ct)
    {
        var events = db.Published().Where(i => PublishedItems.EventTypes.Contains(i.Type));
        var items = await events
            .Select(i => new { i.Key, i.Type, Start = i.LiveDateUtc!.Value, i.LiveEndUtc, Online = i.LiveOnline == true })
            .ToListAsync(ct);
        var tags = (await db.ContentReferences.AsNoTracking()
                .Where(r => r.Kind == ReferenceKind.Term && events.Any(i => i.Key == r.SourceKey))
                .Select(r => new { r.SourceKey, r.TargetKey }).ToListAsync(ct))
            .ToLookup(r => r.SourceKey, r => r.TargetKey);
        var themes = await TermsAsync(Vocabulary.ThemeAlias, ct);
        var regions = await TermsAsync(Vocabulary.RegionAlias, ct);

        var anyUpcoming = items.Any(i => (i.LiveEndUtc ?? i.Start) >= nowUtc);
        var past = filter.Past || !anyUpcoming;
        var inPeriod = items.Where(i => (i.LiveEndUtc ?? i.Start) >= nowUtc != past);
        var rows = (past ? inPeriod.OrderByDescending(i => i.Start) : inPeriod.OrderBy(i => i.Start)).ThenBy(i => i.Key)
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
        var cards = await CardsAsync([.. slice.Items.Select(r => r.Key)], ct);
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

    /// <summary>The terms of one vocabulary by key: slug, name and their place in the vocabulary.</summary>
    private async Task<Dictionary<Guid, (string Value, string Label, int Order)>> TermsAsync(string alias, CancellationToken ct) =>
        (await db.Terms.AsNoTracking()
            .Where(t => db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == alias))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Key, t.Slug, t.Name }).ToListAsync(ct))
        .Select((t, index) => (t.Key, Term: (t.Slug, t.Name, index)))
        .ToDictionary(x => x.Key, x => x.Term);

    private async Task<List<ContentCard>> CardsAsync(List<Guid> keys, CancellationToken ct)
    {
        var cards = await db.Published().Where(i => keys.Contains(i.Key)).AsCards().ToListAsync(ct);
        return [.. cards.OrderBy(c => keys.IndexOf(c.Key))];
    }
}
