using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

/// <summary>The List-Unsubscribe URL's page: a GET shows a confirmation and changes nothing (the POST is NewsletterFormEndpoints).</summary>
public sealed class UnsubscribeModel(ChangeSubscription.Handler handler) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync(int? afgemeld, CancellationToken ct)
    {
        var subscriber = await handler.FindAsync(Token, ct);
        Valid = subscriber is not null;
        Done = afgemeld == 1 && subscriber?.Status == SubscriberStatus.Unsubscribed;
        if (!Valid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
