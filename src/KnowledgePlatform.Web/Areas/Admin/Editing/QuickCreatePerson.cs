using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>A new speaker typed into an event form: created with a free slug, audited, and its key returned.</summary>
public static class QuickCreatePerson
{
    public static async Task<Guid> CreateAsync(KnowledgeDbContext db, string name, string? role, string editor, CancellationToken ct)
    {
        var baseSlug = Slugs.From(name);
        var slug = baseSlug;
        for (var n = 2; await db.People.AnyAsync(p => p.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        var person = new Person { Key = Guid.NewGuid(), Slug = slug, Name = name.Trim(), Role = string.IsNullOrWhiteSpace(role) ? null : role.Trim() };
        db.People.Add(person);
        AuditLog.Record(db, editor, "person.create", "person", person.Key.ToString(), null, new { person.Name, person.Role, person.Slug });
        await db.SaveChangesAsync(ct);
        return person.Key;
    }
}
