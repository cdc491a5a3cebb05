using KnowledgePlatform.Web.Areas.Admin.Editing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages;

public sealed class IndexModel(Dashboard dashboard) : PageModel
{
    public Dashboard.View View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await dashboard.LoadAsync(User.Identity?.Name ?? "", ct);
}
