using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>Every issue with the state of its latest send and its counts. Reading is for every back-office user.</summary>
public sealed class IndexModel(IssueOverview overview, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<IssueSummary> Issues { get; private set; } = [];
    public bool CanPublish { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Issues = await overview.ListAsync(500, ct);
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.Publish)).Succeeded;
    }
}
