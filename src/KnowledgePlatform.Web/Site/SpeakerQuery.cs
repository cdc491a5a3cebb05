using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>A published item a person takes part in: how ("Spreker", "Auteur") and, for an event, in which programme items.</summary>
public sealed record Appearance(ContentCard Card, IReadOnlyList<string> Roles, IReadOnlyList<string> ProgrammeItems);

/// <summary>A person's public page: details, their events (newest first) and what they wrote.</summary>
public sealed record SpeakerProfile(Person Person, Organisation? Organisation, IReadOnlyList<Appearance> Events, IReadOnlyList<Appearance> Writing)
{
    public bool HasAppearances => Events.Count > 0 || Writing.Count > 0;
}

/// <summary>
/// Reads a speaker or author page. Appearances come from the references of published items only
/// (speaker, facilitator, author), so a person's page never reveals a draft they are named in.
/// </summary>
public sealed class SpeakerQuery(KnowledgeDbContext db)
{
    private static readonly ReferenceKind[] PersonKinds = [ReferenceKind.Speaker, ReferenceKind.Facilitator, ReferenceKind.Author];

    public async Task<SpeakerProfile?> FindAsync(string slug, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (person is null)
        {
            return null;
        }

        var organisation = person.OrganisationKey is { } organisationKey
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Key == organisationKey, ct)
            : null;
        var published = db.Published();
        var references = await db.ContentReferences.AsNoTracking()
            .Where(r => r.TargetKey == person.Key && PersonKinds.Contains(r.Kind) && published.Any(i => i.Key == r.SourceKey))
            .Select(r => new { r.SourceKey, r.Kind })
            .ToListAsync(ct);
        var keys = references.Select(r => r.SourceKey).Distinct().ToList();
        var cards = await published.Where(i => keys.Contains(i.Key))
            .OrderByDescending(i => i.LiveDateUtc).ThenBy(i => i.LiveTitle).AsCards().ToListAsync(ct);
        var isEvent = (ContentCard c) => PublishedItems.EventTypes.Contains(c.Type);
        var programme = await ProgrammeItemsAsync(person.Key, [.. cards.Where(isEvent).Select(c => c.Key)], ct);

        Appearance AppearanceIn(ContentCard card) => new(card,
            [.. references.Where(r => r.SourceKey == card.Key).Select(r => r.Kind).Distinct().Order().Select(RoleLabel)],
            programme.GetValueOrDefault(card.Key, []));
        return new SpeakerProfile(person, organisation,
            [.. cards.Where(isEvent).Select(AppearanceIn)],
            [.. cards.Where(c => !isEvent(c)).Select(AppearanceIn)]);
    }

    private static string RoleLabel(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Speaker => "Spreker",
        ReferenceKind.Facilitator => "Begeleider",
        _ => "Auteur",
    };

    /// <summary>Per event, the titles of the programme items the person speaks in, from the live version.</summary>
    private async Task<Dictionary<Guid, string[]>> ProgrammeItemsAsync(Guid person, List<Guid> eventKeys, CancellationToken ct)
    {
        var bodies = await db.ContentVersions.AsNoTracking()
            .Where(v => eventKeys.Contains(v.ContentKey) && db.ContentItems.Any(i => i.Key == v.ContentKey && i.LiveVersion == v.Number))
            .Select(v => new { v.ContentKey, v.Body })
            .ToListAsync(ct);
        return bodies.ToDictionary(b => b.ContentKey, b => ContentJson.DeserializeBody(b.Body) is EventContent e
            ? [.. e.Programme.Where(p => p.Speakers.Contains(person)).Select(p => p.Title)]
            : Array.Empty<string>());
    }
}
