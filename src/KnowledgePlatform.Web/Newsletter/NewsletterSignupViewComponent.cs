using Microsoft.AspNetCore.Mvc;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>The sign-up form (home page, /nieuwsbrief, /nieuwsbrief/aanmelden); posts to /nieuwsbrief/aanmelden.</summary>
public sealed class NewsletterSignupViewComponent(NewsletterTopics topics) : ViewComponent
{
    public sealed record Form(string Source, string IdPrefix, IReadOnlyList<Topic> Topics, string? Target);

    public async Task<IViewComponentResult> InvokeAsync(string source, string idPrefix, string? target = null) =>
        View(new Form(source, idPrefix, await topics.AllAsync(HttpContext.RequestAborted), target));
}
