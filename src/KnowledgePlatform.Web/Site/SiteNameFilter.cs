using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>Puts the configured site name (uSync/settings/site.json) in every page's layout.</summary>
internal sealed class SiteNameFilter(KnowledgeDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page)
        {
            page.ViewData["SiteName"] = (await SiteSettings.ReadAsync(db, context.HttpContext.RequestAborted)).SiteName;
        }

        await next();
    }
}
