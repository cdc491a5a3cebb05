using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Nieuwsbrief;

/// <summary>GET only shows a button (link scanners must not confirm anything); the POST confirms.</summary>
public sealed class ConfirmModel(ConfirmSubscription.Handler handler) : PageModel
{
    public bool? Confirmed { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        Confirmed = await handler.HandleAsync(new ConfirmSubscription.Command(token, HttpContext.Connection.RemoteIpAddress), ct);
        if (Confirmed is false)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
