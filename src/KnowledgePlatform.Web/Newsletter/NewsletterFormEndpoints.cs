using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// The two form POSTs that must work without an antiforgery token, as plain endpoints (the site's
/// Razor pages all validate one). Sign-up: embedded cross-site, and its only effect is a
/// confirmation mail bounded by the honeypot and abuse limits, exactly like the JSON API; answered
/// with a redirect to the result page. One-click unsubscribe (RFC 8058): mail providers POST
/// "List-Unsubscribe=One-Click" without cookies; the signed link is the authority.
/// </summary>
public static class NewsletterFormEndpoints
{
    public static IEndpointRouteBuilder MapNewsletterForms(this IEndpointRouteBuilder routes)
    {
        // Order -1: for POST these win over the Razor pages on the same paths, which serve the GETs.
        routes.MapPost("/nieuwsbrief/aanmelden", SignUpAsync).WithOrder(-1).ExcludeFromDescription();
        routes.MapPost("/nieuwsbrief/afmelden/{token}", UnsubscribeAsync).WithOrder(-1).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignUpAsync(HttpContext http, Subscribe.Handler handler, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        string[] themes = [.. form?["themes"].Where(v => v is not null).Select(v => v!) ?? []];
        string[] regions = [.. form?["regions"].Where(v => v is not null).Select(v => v!) ?? []];
        var source = form?["source"].ToString() is "form:home" or "form:nieuwsbrief" or "form:nieuwsbrief-editie" or "form:aanmelden" or "form:embed" ? form["source"].ToString() : "form";
        try
        {
            var outcome = await handler.HandleAsync(new Subscribe.Command(form?["email"], form?["name"], themes.Length + regions.Length == 0,
                themes, regions, source, http.Connection.RemoteIpAddress, !string.IsNullOrEmpty(form?["website"])), ct);
            return Results.Redirect(outcome == Subscribe.Outcome.Accepted ? "/nieuwsbrief/aanmelden?resultaat=bijna-klaar" : "/nieuwsbrief/aanmelden?resultaat=te-veel");
        }
        catch (ValidationFailedException ex)
        {
            var field = ex.Errors.Keys.FirstOrDefault() == "Email" ? "adres" : "keuze";
            return Results.Redirect($"/nieuwsbrief/aanmelden?resultaat=ongeldig-{field}");
        }
    }

    private static async Task<IResult> UnsubscribeAsync(string token, HttpContext http, ChangeSubscription.Handler handler, CancellationToken ct)
    {
        var oneClick = http.Request.HasFormContentType && (await http.Request.ReadFormAsync(ct))["List-Unsubscribe"] == "One-Click";
        var done = await handler.HandleAsync(new ChangeSubscription.Command(token, ChangeSubscription.Change.Unsubscribe, false, [], [],
            oneClick ? "one-click" : "unsubscribe-page", http.Connection.RemoteIpAddress), ct);
        return !done ? Results.NotFound()
            : oneClick ? Results.Text("U bent afgemeld voor de nieuwsbrief.", "text/plain; charset=utf-8")
            : Results.Redirect($"/nieuwsbrief/afmelden/{Uri.EscapeDataString(token)}?afgemeld=1");
    }
}
