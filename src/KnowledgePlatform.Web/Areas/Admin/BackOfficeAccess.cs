using System.Security.Claims;
using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin;

/// <summary>
/// What one back-office user may do with one object (the per-object half of authorization; the
/// role half is the policies on each route). The rule, also in Areas/Admin/README.md:
/// <list type="bullet">
/// <item>Redacteur and Beheerder (the Publish policy) may change every content item and media item.</item>
/// <item>An Auteur may view every item and media item (read-only), create items and upload media,
/// change only items they created (who saved version 1) while those are a draft or offline and not
/// scheduled to publish, and change only media they uploaded. Deleting media needs Publish.</item>
/// <item>Versions, restore and preview follow the item: restore is a change; viewing versions and the
/// preview is viewing.</item>
/// </list>
/// </summary>
public sealed class BackOfficeAccess(KnowledgeDbContext db, IAuthorizationService authorization)
{
    /// <summary>The answer for one content item; <see cref="Exists"/> false means 404.</summary>
    public sealed record ContentDecision(bool Exists, bool CanChange, string? ReadOnlyReason)
    {
        public static readonly ContentDecision Missing = new(false, false, null);
    }

    public async Task<ContentDecision> ContentAsync(ClaimsPrincipal user, Guid key, CancellationToken ct)
    {
        var facts = await db.ContentItems.AsNoTracking().Where(i => i.Key == key)
            .Select(i => new
            {
                i.Status,
                Creator = db.ContentVersions.Where(v => v.ContentKey == i.Key && v.Number == 1).Select(v => v.CreatedBy).FirstOrDefault(),
                PublishAt = db.Set<EditorialState>().Where(s => s.ContentKey == i.Key).Select(s => s.PublishAtUtc).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (facts is null)
        {
            return ContentDecision.Missing;
        }

        if (await MayPublishAsync(user))
        {
            return new(true, true, null);
        }

        string? reason = !IsSelf(user, facts.Creator) ? "Dit item is door iemand anders gemaakt: u kunt het alleen bekijken."
            : facts.Status is ContentStatus.Published or ContentStatus.Archived ? "Dit item is gepubliceerd of gearchiveerd: alleen een redacteur kan het nog wijzigen."
            : facts.PublishAt is not null ? "Dit item is ingepland om te publiceren: alleen een redacteur kan het nog wijzigen."
            : null;
        return new(true, reason is null, reason);
    }

    /// <summary>Whether the user may change this media item's alt text, focal point and folder.</summary>
    public async Task<bool> MayChangeMediaAsync(ClaimsPrincipal user, MediaItem item) =>
        IsSelf(user, item.UploadedBy) || await MayPublishAsync(user);

    public async Task<bool> MayPublishAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.Publish)).Succeeded;

    // Versions and uploads record the signed-in user's name (their e-mail address), which does not change.
    private static bool IsSelf(ClaimsPrincipal user, string? recordedBy) =>
        recordedBy is not null && user.Identity?.Name is { Length: > 0 } name && string.Equals(name, recordedBy, StringComparison.OrdinalIgnoreCase);
}
