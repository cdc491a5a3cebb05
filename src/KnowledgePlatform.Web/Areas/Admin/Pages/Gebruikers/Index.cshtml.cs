using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Gebruikers;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(KnowledgeDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, string Status);

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        Users =
        [
            .. users.Select(u => new Row(u.Id, u.DisplayName, u.Email,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "")],
                u.DeactivatedUtc is not null ? "Gedeactiveerd" : u.PasswordHash is null ? "Uitgenodigd" : "Actief")),
        ];
    }
}
