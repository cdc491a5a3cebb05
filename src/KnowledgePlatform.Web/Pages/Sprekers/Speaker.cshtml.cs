using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages.Sprekers;

/// <summary>
/// /sprekers/{slug}: a speaker's or author's details and everything published they take part in.
/// A person who exists but appears in nothing published yet still gets a page (their details are
/// public by nature, and a link to them may come before the event does), marked noindex so search
/// engines do not list a page without content; an unknown slug is 404.
/// </summary>
[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class SpeakerModel(SpeakerQuery query) : PageModel
{
    public SpeakerProfile Profile { get; private set; } = null!;

    /// <summary>The photo's address when it is one a browser may load from our pages (http(s) or same-site).</summary>
    public string? PhotoUrl { get; private set; }

    public string? OrganisationWebsite { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await query.FindAsync(slug, ct) is not { } profile)
        {
            return NotFound();
        }

        Profile = profile;
        PhotoUrl = profile.Person.PhotoUrl is { } photo ? RichTextPolicy.CleanUrl(photo, allowMailto: false) : null;
        OrganisationWebsite = profile.Organisation?.Website is { } site ? RichTextPolicy.CleanUrl(site, allowMailto: false) : null;
        ViewData["Title"] = profile.Person.DisplayName;
        ViewData["Description"] = string.Join(", ", new[] { profile.Person.DisplayName, profile.Person.Role, profile.Organisation?.Name }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return Page();
    }

    /// <summary>The bio as paragraphs: editors separate them with an empty line.</summary>
    public IEnumerable<string> BioParagraphs =>
        (Profile.Person.Bio ?? "").Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
