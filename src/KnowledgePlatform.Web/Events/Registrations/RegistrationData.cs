using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>The module's tables, without a line in the shared DbContext.</summary>
public static class RegistrationData
{
    public static DbSet<EventRegistration> Registrations(this KnowledgeDbContext db) => db.Set<EventRegistration>();

    public static DbSet<RegistrationEvent> RegistrationEvents(this KnowledgeDbContext db) => db.Set<RegistrationEvent>();

    /// <summary>The published event or workshop with its live body, or null.</summary>
    public static async Task<(ContentItem Item, EventContent Body)?> LiveEventAsync(this KnowledgeDbContext db, Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.Key == key && i.Status == ContentStatus.Published, ct);
        return item is null ? null : await WithBodyAsync(db, item, ct);
    }

    public static async Task<(ContentItem Item, EventContent Body)?> LiveEventBySlugAsync(this KnowledgeDbContext db, string slug, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().FirstOrDefaultAsync(
            i => (i.Type == ContentType.Event || i.Type == ContentType.Workshop) && i.Status == ContentStatus.Published && i.LiveSlug == slug, ct);
        return item is null ? null : await WithBodyAsync(db, item, ct);
    }

    private static async Task<(ContentItem Item, EventContent Body)?> WithBodyAsync(KnowledgeDbContext db, ContentItem item, CancellationToken ct)
    {
        var json = await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == item.Key && v.Number == item.LiveVersion).Select(v => v.Body).SingleOrDefaultAsync(ct);
        return json is not null && ContentJson.DeserializeBody(json) is EventContent body ? (item, body) : null;
    }

    /// <summary>Seats for this event: the registration capacity, else a workshop's maximum; null is unlimited.</summary>
    public static int? CapacityOf(EventContent e) => e.Registration.Capacity ?? (e as WorkshopContent)?.MaxParticipants;
}
