using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Agenda;

/// <summary>
/// /agenda: upcoming events by default, past ones with ?periode=verleden, filtered by the query
/// string. The output cache varies by every query value (the default policy), so each filter
/// combination and page is cached on its own.
/// </summary>
[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class AgendaModel(AgendaQuery query, TimeProvider clock) : PageModel
{
    public AgendaFilter Filter { get; private set; } = null!;
    public AgendaResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Filter = AgendaFilter.From(Request.Query);
        Result = await query.RunAsync(Filter, clock.GetUtcNow().UtcDateTime, ct);
        if (!Result.Page.Exists)
        {
            return NotFound();
        }

        var title = Result.Past && !Result.NothingUpcoming ? "Eerdere bijeenkomsten" : "Agenda";
        ViewData["Title"] = Result.Page.Number > 1 ? $"{title} – pagina {Result.Page.Number}" : title;
        ViewData["Description"] = Result.Past && !Result.NothingUpcoming
            ? "Eerdere bijeenkomsten en werkbijeenkomsten in het sociaal domein, met verslagen."
            : "Komende bijeenkomsten, werkbijeenkomsten en online sessies in het sociaal domein.";
        return Page();
    }

    public string ResultsHeading
    {
        get
        {
            var total = Result.Page.Total;
            var noun = total == 1 ? "bijeenkomst" : "bijeenkomsten";
            return Result.NothingUpcoming ? "Meest recente bijeenkomsten"
                : Result.Past ? $"{total} eerdere {noun}"
                : $"{total} komende {noun}";
        }
    }
}
