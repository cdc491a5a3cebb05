using System.Linq.Expressions;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;

namespace KnowledgePlatform.Web.Site;

/// <summary>A theme or region as the agenda offers it: its key, slug (the query value) and name.</summary>
public sealed record AgendaTerm(Guid Key, string Slug, string Name);

/// <summary>
/// What a reader chose on the agenda, checked against what exists (unknown slugs, kinds and
/// malformed months are ignored rather than matching nothing), and applied to a query in SQL.
/// AND across filters, OR within one.
/// </summary>
public sealed class AgendaChoice
{
    private readonly Dictionary<string, IReadOnlySet<string>> selected;
    private readonly List<Guid> themes;
    private readonly List<Guid> regions;
    private readonly List<(DateTime FromUtc, DateTime ToUtc)> months;

    public AgendaChoice(AgendaFilter filter, IReadOnlyList<AgendaTerm> knownThemes, IReadOnlyList<AgendaTerm> knownRegions)
    {
        var kinds = filter[AgendaFilter.KindKey].Intersect([AgendaFilter.EventKind, AgendaFilter.WorkshopKind, AgendaFilter.OnlineKind]).ToHashSet();
        var themeTerms = knownThemes.Where(t => filter[AgendaFilter.ThemeKey].Contains(t.Slug)).ToList();
        var regionTerms = knownRegions.Where(t => filter[AgendaFilter.RegionKey].Contains(t.Slug)).ToList();
        var monthValues = filter[AgendaFilter.MonthKey].Where(m => AmsterdamMonths.Range(m) is not null).ToHashSet(StringComparer.Ordinal);
        selected = new()
        {
            [AgendaFilter.KindKey] = kinds,
            [AgendaFilter.ThemeKey] = themeTerms.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal),
            [AgendaFilter.RegionKey] = regionTerms.Select(t => t.Slug).ToHashSet(StringComparer.Ordinal),
            [AgendaFilter.MonthKey] = monthValues,
        };
        themes = [.. themeTerms.Select(t => t.Key)];
        regions = [.. regionTerms.Select(t => t.Key)];
        months = [.. monthValues.Select(m => AmsterdamMonths.Range(m)!.Value)];
    }

    /// <summary>The values of one filter the reader chose that exist.</summary>
    public IReadOnlySet<string> Selected(string key) => selected[key];

    /// <summary>Whether events of this type and online-ness pass the kind filter.</summary>
    public bool AdmitsKind(ContentType type, bool online)
    {
        var kinds = selected[AgendaFilter.KindKey];
        return kinds.Count == 0
            || (kinds.Contains(AgendaFilter.EventKind) && type == ContentType.Event)
            || (kinds.Contains(AgendaFilter.WorkshopKind) && type == ContentType.Workshop)
            || (kinds.Contains(AgendaFilter.OnlineKind) && online);
    }

    /// <summary>The events every chosen filter admits, except the filter named <paramref name="except"/> (for its counts).</summary>
    public IQueryable<ContentItem> Apply(IQueryable<ContentItem> events, KnowledgeDbContext db, string? except = null)
    {
        var kinds = selected[AgendaFilter.KindKey];
        if (except != AgendaFilter.KindKey && kinds.Count > 0)
        {
            bool ev = kinds.Contains(AgendaFilter.EventKind), workshop = kinds.Contains(AgendaFilter.WorkshopKind), online = kinds.Contains(AgendaFilter.OnlineKind);
            events = events.Where(i => (ev && i.Type == ContentType.Event) || (workshop && i.Type == ContentType.Workshop) || (online && i.LiveOnline == true));
        }

        if (except != AgendaFilter.ThemeKey && themes.Count > 0)
        {
            events = TaggedWithAny(events, db, themes);
        }

        if (except != AgendaFilter.RegionKey && regions.Count > 0)
        {
            events = TaggedWithAny(events, db, regions);
        }

        if (except != AgendaFilter.MonthKey && months.Count > 0)
        {
            events = events.Where(StartsIn(months));
        }

        return events;
    }

    private static IQueryable<ContentItem> TaggedWithAny(IQueryable<ContentItem> events, KnowledgeDbContext db, List<Guid> terms) =>
        events.Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.Kind == ReferenceKind.Term && terms.Contains(r.TargetKey)));

    /// <summary>"Starts in one of these UTC ranges", with the bounds as SQL parameters.</summary>
    private static Expression<Func<ContentItem, bool>> StartsIn(List<(DateTime FromUtc, DateTime ToUtc)> ranges)
    {
        var item = Expression.Parameter(typeof(ContentItem), "i");
        var start = Expression.Property(item, nameof(ContentItem.LiveDateUtc));
        Expression? any = null;
        foreach (var (from, to) in ranges)
        {
            // Member access on a constant is what a captured variable looks like: EF makes it a parameter.
            var bounds = Expression.Constant(new Bounds(from, to));
            var inRange = Expression.AndAlso(
                Expression.GreaterThanOrEqual(start, Expression.Property(bounds, nameof(Bounds.From))),
                Expression.LessThan(start, Expression.Property(bounds, nameof(Bounds.To))));
            any = any is null ? inRange : Expression.OrElse(any, inRange);
        }

        return Expression.Lambda<Func<ContentItem, bool>>(any ?? Expression.Constant(true), item);
    }

    private sealed class Bounds(DateTime from, DateTime to)
    {
        public DateTime? From { get; } = from;
        public DateTime? To { get; } = to;
    }
}
