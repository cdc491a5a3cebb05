using KnowledgePlatform.Web.Sync;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Data;

/// <summary>Site-wide settings stored as key/value rows; read as one record.</summary>
public static class SiteSettings
{
    public const string DefaultSiteName = "Kennisplatform Sociaal Domein";
    public const string ChangedOutboxKind = "site.settings.changed";

    // Compiled once: every public page reads the settings first, uncached pages included.
    private static readonly CompiledPerModel<Func<KnowledgeDbContext, IAsyncEnumerable<SiteSetting>>> All =
        new(() => EF.CompileAsyncQuery((KnowledgeDbContext db) => db.SiteSettings.AsNoTracking()));

    public static async Task<SiteSettingsFile> ReadAsync(KnowledgeDbContext db, CancellationToken ct)
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in All.For(db)(db).WithCancellation(ct))
        {
            rows[row.Key] = row.Value;
        }

        return new SiteSettingsFile
        {
            SiteName = rows.GetValueOrDefault("siteName") ?? DefaultSiteName,
            Tagline = rows.GetValueOrDefault("tagline"),
            ContactEmail = rows.GetValueOrDefault("contactEmail"),
            BrandColor = rows.GetValueOrDefault("brandColor"),
            LogoUrl = rows.GetValueOrDefault("logoUrl"),
        };
    }

    public static async Task WriteAsync(KnowledgeDbContext db, SiteSettingsFile settings, CancellationToken ct)
    {
        var wanted = new Dictionary<string, string?>
        {
            ["siteName"] = settings.SiteName,
            ["tagline"] = settings.Tagline,
            ["contactEmail"] = settings.ContactEmail,
            ["brandColor"] = settings.BrandColor,
            ["logoUrl"] = settings.LogoUrl,
        };
        var rows = await db.SiteSettings.ToDictionaryAsync(s => s.Key, ct);
        foreach (var (key, value) in wanted)
        {
            if (rows.TryGetValue(key, out var row))
            {
                if (value is null)
                {
                    db.SiteSettings.Remove(row);
                }
                else
                {
                    row.Value = value;
                }
            }
            else if (value is not null)
            {
                db.SiteSettings.Add(new SiteSetting { Key = key, Value = value });
            }
        }

        if (db.ChangeTracker.HasChanges())
        {
            // Every page shows the settings: the outbox evicts cached pages (on every instance).
            db.Outbox.Add(new OutboxMessage { Kind = ChangedOutboxKind, CreatedUtc = DateTime.UtcNow });
        }

        await db.SaveChangesAsync(ct);
    }
}
