using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// The overview of all themes or regions (/themas, /regios) that have something to show, each
/// with how many items its page lists; Pages/Shared/_TermIndex.cshtml renders it.
/// </summary>
public abstract class TermIndexPageModel(ListingQuery lists) : PageModel
{
    public IReadOnlyList<TermCount> Terms { get; private set; } = [];

    /// <summary><see cref="Vocabulary.ThemeAlias"/> or <see cref="Vocabulary.RegionAlias"/>.</summary>
    public abstract string VocabularyAlias { get; }

    public string Heading => HeadingOf(VocabularyAlias);

    public string Lead => $"Alle {Heading.ToLowerInvariant()} met bijeenkomsten, verslagen en artikelen, en hoeveel er per {VocabularyAlias} verschenen is.";

    /// <summary>The overview's name, also in the breadcrumbs of a theme's or region's page.</summary>
    public static string HeadingOf(string vocabularyAlias) => vocabularyAlias == Vocabulary.RegionAlias ? "Regio's" : "Thema's";

    public string TermUrl(TermCount term) => ContentUrls.Term(VocabularyAlias, term.Slug);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Terms = await lists.TermsInUseAsync(VocabularyAlias, ct);
        ViewData["Title"] = Heading;
        ViewData["Description"] = Lead;
    }
}
