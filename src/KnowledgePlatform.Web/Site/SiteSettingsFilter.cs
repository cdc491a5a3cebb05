using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Puts the site settings (uSync/settings/site.json: name, colour, logo) in every page's layout.
/// It is every page's first database access, so it also opens the connection for the rest of the
/// request: EF Core would otherwise open and close it around each of a page's queries (a page
/// runs up to ten), and the context closes it when the request's scope ends.
/// </summary>
internal sealed class SiteSettingsFilter(KnowledgeDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page)
        {
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            var settings = await SiteSettings.ReadAsync(db, context.HttpContext.RequestAborted);
            page.ViewData["SiteName"] = settings.SiteName;
            page.ViewData["BrandCss"] = BrandTheme.Css(settings.BrandColor);
            page.ViewData["LogoUrl"] = settings.LogoUrl is { } logo && BrandTheme.IsSafeUrl(logo) ? logo : null;
        }

        await next();
    }
}
