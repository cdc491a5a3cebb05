using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>Puts the site settings (uSync/settings/site.json: name, colour, logo) in every page's layout.</summary>
internal sealed class SiteSettingsFilter(KnowledgeDbContext db) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is PageModel page)
        {
            var settings = await SiteSettings.ReadAsync(db, context.HttpContext.RequestAborted);
            page.ViewData["SiteName"] = settings.SiteName;
            page.ViewData["BrandCss"] = BrandTheme.Css(settings.BrandColor);
            page.ViewData["LogoUrl"] = settings.LogoUrl is { } logo && BrandTheme.IsSafeUrl(logo) ? logo : null;
        }

        await next();
    }
}
